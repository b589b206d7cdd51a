//! Closed word lists of the actors lens that are part of its rules
//! (head words, openers, particles); the open lists are in `data/`.

/// Words that end an organisation name (`… Party`, `… Inc.`).
#[rustfmt::skip]
pub static ORG_HEADS: Words = Words::new(&[
    "Party", "Forces", "Force", "Inc", "Inc.", "Corp", "Corp.", "Corporation", "Ltd", "Ltd.",
    "LLC", "PLC", "plc", "Co.", "Company", "Group", "Council", "Ministry", "Department", "Agency",
    "Army", "Navy", "Police", "Bank", "University", "College", "Committee", "Commission",
    "Organization", "Organisation", "Union", "Association", "Institute", "Foundation", "Times",
    "News", "Post", "Journal", "Herald", "Tribune", "Gazette", "Airlines", "Airways", "Corps",
    "Brigade", "Brigades", "Division", "Battalion", "Regiment", "Front", "Movement", "Network",
    "Service", "Services", "Court", "Parliament", "Assembly", "Club", "Society", "Church",
    "Federation", "League", "Authority", "Office", "Bureau", "Board", "Fund", "Trust", "Press",
    "Records", "Motors", "Technologies", "Systems", "Holdings", "Industries", "Partners",
    "Alliance", "Coalition", "Congress", "Senate", "Cabinet", "Administration", "Guard", "Command",
    "Hospital", "School", "Academy", "Laboratory", "Laboratories",
    "Observatory", "Watch", "International", "Magazine", "Radio", "Television", "TV", "Channel",
    "Broadcasting", "Studios", "Pictures", "Entertainment", "Energy", "Oil", "Petroleum", "Band",
    "Orchestra", "Team", "Brothers", "Bros.", "Labs", "Media", "Capital", "Ventures", "Insurance",
    "Exchange", "FC", "F.C.", "AFC", "A.F.C.", "HC", "SC", "United", "Rovers", "Wanderers",
    "Athletic", "Albion", "Rangers", "Hotspur", "Town",
]);

/// Words that end the name of an event, a law, a work or a product: such a
/// run is no actor and no place (`Worldwide Developers Conference`).
#[rustfmt::skip]
pub static NOT_ACTOR_HEADS: Words = Words::new(&[
    "Conference", "Summit", "Games", "Olympics", "Show", "Festival", "Awards", "Award", "Cup",
    "Championship", "Championships", "Expo", "Fair", "War", "Act", "Treaty", "Accord",
    "Agreement", "Program", "Programme", "Kit", "Prize", "Trophy", "Tour", "Series", "Campaign",
    "Offensive", "Doctrine", "Plan", "Protocol", "Convention", "Declaration", "Bill", "Law",
    "Day", "Week", "Year", "Bowl", "Open", "Marathon", "Election", "Elections", "Revolution",
    "Crisis", "Album", "Edition", "Version", "Syndrome", "Disease", "Virus", "Store", "Flight",
]);

/// Words that open the name of an event or operation (`Operation Inherent
/// Resolve`, `Battle of Mosul`): such a run is no actor.
#[rustfmt::skip]
pub const NOT_ACTOR_OPENERS: &[&str] = &[
    "Operation", "Battle", "Siege", "Hurricane", "Typhoon", "Cyclone", "Storm", "Tropical",
    "Project", "Exercise",
];

/// Words that end a place name (`Tigris River`, `Nineveh Province`).
#[rustfmt::skip]
pub static PLACE_HEADS: Words = Words::new(&[
    "River", "Province", "Governorate", "Sea", "Ocean", "Mountains", "Mountain", "Hills", "Lake",
    "Island", "Islands", "Valley", "Street", "Square", "Bridge", "Bay", "Gulf", "County",
    "District", "Region", "City", "Base", "Desert", "Peninsula", "Strait", "Canal", "Park",
    "Avenue", "Road", "Dam", "Stadium", "Palace", "Prison", "Heights", "Coast", "Plain", "Canyon",
    "Falls", "Beach", "Harbor", "Harbour", "Creek", "Springs", "Forest", "Village", "Township",
    "Camp", "Crossing", "Highway", "Station", "Basin", "Plateau", "Delta", "Oblast", "Prefecture",
    "State", "Territory", "Territories",
    "Airport", "Airbase", "Center", "Centre", "Factory", "Plant", "Courthouse", "Railroad",
    "Railway", "Tower", "Castle", "Cathedral", "Mosque", "Temple", "Arena", "Hall", "Museum",
    "Theater", "Theatre", "Mall", "Market", "Port", "Boulevard", "Lane", "Building", "Embassy",
    "Consulate", "Barracks", "Checkpoint", "Refinery", "Reservoir", "Glacier", "Reef", "Volcano",
    "Brook", "Junction", "Oval", "Estate", "Field", "Gardens", "Empire", "Wharf", "Pier", "Quay",
    "Dock", "Docks", "Pond", "Cave", "Caves", "Gym", "Pavilion", "Rink", "Ave", "Ave.", "Parish",
    "Playfield", "Fields", "Lagoon", "Marsh", "Moor", "Gorge", "Pass", "Ridge", "Cliffs", "Area",
    "Place", "Way",
]);

/// Lower-case nouns that make a named facility or area of the name before
/// them (`Mosul airport`, `Ghazlani military base`).
#[rustfmt::skip]
pub const FACILITY: &[&str] = &[
    "airport", "base", "airbase", "province", "governorate", "river", "dam", "bridge", "square",
    "prison", "refinery", "port", "district", "valley", "lake", "mountains", "desert",
];

/// Words that may stand between a name and a facility noun.
#[rustfmt::skip]
pub const FACILITY_MOD: &[&str] = &[
    "military", "air", "naval", "army", "international", "oil",
];

/// Words that open a place name (`Mount Everest`, `Lake Chad`).
#[rustfmt::skip]
pub const PLACE_OPENERS: &[&str] = &[
    "Mount", "Mt.", "Lake", "Fort", "Port", "Cape", "Camp", "Isle", "River", "Loch",
];

/// Heads of place names that may take `of` (`Gulf of Aden`).
#[rustfmt::skip]
pub static PLACE_OF_HEADS: Words = Words::new(&[
    "Republic", "Kingdom", "Province", "Gulf", "Sea", "Bay", "Strait", "Isle", "City", "District",
    "Sultanate", "Emirate", "Peninsula", "Cape", "Governorate", "Straits", "Isles", "Islands",
    "Port", "Mount", "Lake", "Commonwealth",
]);

/// Heads that may take `of` (`Department of Defense`, `Bank of England`).
#[rustfmt::skip]
pub static OF_HEADS: Words = Words::new(&[
    "Department", "Ministry", "University", "Bank", "Army", "Council", "Court", "Institute",
    "Office", "Bureau", "Republic", "Kingdom", "Province", "Gulf", "Sea", "Bay", "Strait", "Isle",
    "Church", "Museum", "College", "Academy", "Commission", "Committee", "Federation", "League",
    "Union", "Association", "Society", "Organization", "Organisation", "Party", "Centers",
    "Center", "Centre", "Board", "House", "Chamber", "Secretariat", "Agency", "Coalition",
    "Movement", "Front", "Federal", "State", "City", "District", "Sultanate", "Emirate", "Islamic",
    "Peninsula", "Cape", "Battle", "Government", "Governorate",
]);

/// Acronyms that name no organisation.
#[rustfmt::skip]
pub static NOT_ORG: Words = Words::new(&[
    "CEO", "CFO", "COO", "GDP", "TV", "PM", "AM", "OK", "ID", "DNA", "HIV", "AIDS", "VBIED", "IED",
    "IEDs", "UAV", "RPG", "SUV", "PC", "GPS", "CCTV", "USD", "EUR", "GMT", "UTC", "BST", "EST",
    "EDT", "PST", "NOW", "WATCH", "MP", "MPs", "ATM", "VIP", "LGBT", "LGBTQ", "COVID", "SARS",
    "MERS", "USB", "CD", "DVD", "PDF", "FAQ", "CT", "BC", "AD", "BCE", "CE", "KM", "MPH", "II",
    "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "OS", "TNT", "RSS", "HTML", "URL", "IT",
    "AI", "PR", "HQ", "Q", "ISBN", "SMS", "A", "I",
    "GB", "MB", "KB", "TB", "GHz", "MHz", "LCD", "LED", "SDK", "API", "CPU", "GPU", "RAM", "SIM",
    "HD", "UHF", "VHF", "FM", "MW", "KW", "GW", "SEO", "NGO", "NGOs", "POW", "POWs", "IDP",
    "IDPs", "WMD", "ICBM", "ISR", "RPGs", "UAVs", "SUVs", "CEOs", "KPH", "OT", "TD", "RBI", "ERA",
    "NB", "PS", "RIP", "AKA", "ASAP", "DIY", "FYI", "UFO", "VAT", "IPO", "C.E.O.", "N.V.", "S.A.",
    "AG", "SA", "NV", "LP", "JR", "SR", "VS", "MVP", "NBA", "NFL", "III",
    "MPP", "MPs", "DJ", "DJs", "MC", "PhD", "BA", "MA", "BSc", "MSc", "XXX", "OK",
]);

/// Name particles that stay lower case inside a name (`Abdel al-Aziz`,
/// `Ursula von der Leyen`).
pub static PARTICLES: Words = Words::new(PARTICLE_LIST);

#[rustfmt::skip]
const PARTICLE_LIST: &[&str] = &[
    "al", "el", "bin", "ibn", "bint", "van", "von", "der", "den", "de", "da", "di", "du", "la",
    "le", "dos", "das", "del", "della", "ter", "ten", "y", "ul", "ud", "ben", "af", "zu",
];

/// The length in bytes of the longest of [`PARTICLES`]: a longer word is
/// no particle, whatever the lists say.
pub const LONGEST_PARTICLE: usize = crate::lexicon::longest(PARTICLE_LIST);

/// Verbs of saying: a capitalized word next to them is a person.
#[rustfmt::skip]
pub const SAY: &[&str] = &[
    "said", "says", "told", "added", "asked", "stated", "explained", "wrote", "tweeted",
    "insisted", "noted", "warned", "argued", "claimed", "announced", "replied", "say",
];

/// Prepositions after which an unknown capitalized word is a place.
#[rustfmt::skip]
pub const PLACE_PREPS: &[&str] = &[
    "in", "near", "from", "to", "outside", "across", "into", "towards", "toward", "around",
    "throughout", "inside", "via",
];
/// Direction words, kept in a name only before a head word
/// (`Northern Relief Agency`, `North Sea`).
#[rustfmt::skip]
pub static DIRECTIONS: Words = Words::new(&[
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "north-western", "north-eastern", "south-western", "south-eastern", "northwest", "northeast",
    "southwest", "southeast", "upper", "lower", "greater",
]);

/// Nouns that name a kind of place before `of` (`the village of Atwick`).
#[rustfmt::skip]
pub static PLACE_NOUNS: Words = Words::new(&[
    "village", "town", "city", "county", "province", "district", "region", "state", "capital",
    "suburb", "municipality", "island", "parish", "hamlet", "outskirts", "port", "neighbourhood",
    "neighborhood", "governorate", "township", "borough", "commune", "oblast", "prefecture",
]);

/// Words before which a lone given name is rather a place or a title
/// (`to Harrison`, `the Mara`, `" Hunter "`).
#[rustfmt::skip]
pub const NOT_BEFORE_NAME: &[&str] = &[
    "the", "a", "an", "of", "to", "from", "in", "at", "near", "into", "\"", "“", "‘", "'", "and",
    "for", "on", "between",
];

/// First words of place names (`Old Goa`, `Nueva Segovia`): such a pair is
/// not read as a person by default.
#[rustfmt::skip]
pub static NOT_PERSON_OPENERS: Words = Words::new(&[
    "Old", "New", "Grand", "Great", "Little", "Big", "Upper", "Lower", "San", "Santa", "Los",
    "Las", "El", "Nueva", "Nuevo", "Alto", "Bay", "Port", "Fort", "Saint", "St.", "Mount",
    "North", "South", "East", "West", "Central", "Royal", "National", "Federal", "Social",
    "Classic", "Special", "Express", "Grand", "Past", "First", "Second", "Third",
]);

/// Endings of English nouns and adjectives (`Information Technology`,
/// `Biological`), which names rarely have.
#[rustfmt::skip]
pub const ENGLISH_SUFFIXES: &[&str] = &[
    "tion", "sion", "ment", "ness", "ity", "ism", "ology", "ogy", "ing", "ive", "ical", "ence",
    "ance", "ship", "ary", "ous", "ful", "less", "able", "ible", "ics", "ical", "ized", "ised",
];

/// Lower-case nouns that make the capitalized name right after them an
/// organisation (`industrial band Killing Joke`, `monitoring group Airwars`).
#[rustfmt::skip]
pub static ORG_NOUNS: Words = Words::new(&[
    "band", "company", "group", "firm", "club", "magazine", "newspaper", "label", "team",
    "airline", "carrier", "agency", "organization", "organisation", "party", "network", "channel",
    "broadcaster", "maker", "manufacturer", "retailer", "chain", "publisher", "studio", "website",
    "daily", "weekly", "outlet", "movement", "faction", "charity", "brand", "startup", "bank",
    "insurer", "lender", "automaker", "carmaker", "conglomerate", "consortium", "subsidiary",
    "tabloid", "broadsheet", "journal", "ngo", "watchdog", "regulator", "union", "side", "outfit",
]);

/// Lower-case nouns that make the capitalized name right after them a
/// person (`striker Igor Shkvyrin`, `rapper DaHv`).
#[rustfmt::skip]
pub static PERSON_NOUNS: Words = Words::new(&[
    "singer", "footballer", "striker", "midfielder", "defender", "goalkeeper", "actor", "actress",
    "musician", "player", "author", "writer", "poet", "artist", "coach", "bowler", "batsman",
    "rapper", "guitarist", "drummer", "bassist", "pianist", "wife", "husband", "son", "daughter",
    "brother", "sister", "father", "mother", "uncle", "aunt", "cousin", "novelist", "composer",
    "painter", "photographer", "filmmaker", "businessman", "businesswoman", "billionaire",
    "entrepreneur", "economist", "scientist", "historian", "philosopher", "lawmaker",
    "politician", "candidate", "athlete", "runner", "swimmer", "boxer", "cyclist", "driver",
    "pitcher", "quarterback", "teammate", "colleague", "friend", "victim", "suspect", "defendant",
    "activist", "blogger", "comedian", "dancer", "model", "chef", "star", "veteran", "striker",
]);

/// Legal-form words after a company's name (`General Motors Corp.`).
#[rustfmt::skip]
pub static LEGAL_SUFFIXES: Words = Words::new(&[
    "Inc", "Inc.", "Corp", "Corp.", "Corporation", "Ltd", "Ltd.", "Limited", "LLC", "PLC", "plc",
    "Co", "Co.", "Company", "Group", "AG", "SA", "S.A.", "NV", "N.V.", "GmbH", "SpA", "Holdings",
]);

/// US state and Canadian province abbreviations of news style
/// (`Springfield, Ill.`): places only after a town and a comma.
#[rustfmt::skip]
pub static STATE_ABBREVS: Words = Words::new(&[
    "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.", "Ind.",
    "Kan.", "Kans.", "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.",
    "Neb.", "Nebr.", "Nev.", "Okla.", "Ore.", "Oreg.", "Pa.", "Penn.", "Tenn.", "Tex.", "Vt.",
    "Va.", "Wash.", "Wis.", "Wisc.", "Wyo.", "N.H.", "N.J.", "N.M.", "N.Y.", "N.C.", "N.D.",
    "R.I.", "S.C.", "S.D.", "W.Va.", "D.C.", "Ont.", "Que.", "Alta.", "Sask.", "B.C.", "N.S.",
    "N.B.", "Nfld.",
]);
use crate::lexicon::Words;
