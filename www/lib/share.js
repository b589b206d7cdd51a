// Links that reopen an article: the URL fragment (never sent to a server)
// holds the article's key, or for the reader's own article its whole text
// (deflate-raw compressed, base64url), plus the lenses on and the place read.
//
//   #read/seed:FILE?on=actor,date&at=120        a seed (at = UTF-16 offset)
//   #shared/PAYLOAD?on=actor,date&at=120        an article of one's own
//
//   const { url, problem } = await shareLink(article, { lenses, at });
//   const { title, text, reference_date } = await unpack(payload);

export const MAX_FRAGMENT = 8000; // characters of fragment a link may safely carry

const toBase64url = (bytes) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
};
const fromBase64url = (s) => Uint8Array.from(atob(s.replaceAll('-', '+').replaceAll('_', '/')), (c) => c.charCodeAt(0));

// A link is small, but what it inflates to need not be: reading stops at a cap.
const MAX_INFLATED = 2_000_000;

async function through(stream, bytes) {
  const reader = new Blob([bytes]).stream().pipeThrough(stream).getReader();
  const parts = [];
  let size = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    size += r.value.length;
    if (size > MAX_INFLATED) {
      reader.cancel();
      throw new Error('too large');
    }
    parts.push(r.value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export async function pack(value) {
  return toBase64url(await through(new CompressionStream('deflate-raw'), new TextEncoder().encode(JSON.stringify(value))));
}

/** The shared article; throws a plain Error when the link is damaged. */
export async function unpack(payload) {
  let value;
  try {
    value = JSON.parse(new TextDecoder().decode(await through(new DecompressionStream('deflate-raw'), fromBase64url(payload))));
  } catch {
    throw new Error('this link is damaged or incomplete (was it cut off when copied?)');
  }
  if (typeof value?.x !== 'string') throw new Error('this link holds no article');
  const date = typeof value.d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.d) ? value.d : null;
  return { title: String(value.t ?? '').slice(0, 300), text: value.x, reference_date: date };
}

/** Splits a decoded fragment `view/rest?a=b` into {view, rest, params}. */
export function parseFragment(hash) {
  const q = hash.indexOf('?');
  const path = q < 0 ? hash : hash.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : hash.slice(q + 1));
  const slash = path.indexOf('/');
  return { view: slash < 0 ? path : path.slice(0, slash), rest: slash < 0 ? '' : path.slice(slash + 1), params };
}

/** The lenses and place a fragment asks for ({} when it asks for none). */
export function readPlace(params) {
  const out = {};
  if (params.has('on')) out.lenses = params.get('on').split(',').filter(Boolean);
  const at = Number(params.get('at'));
  if (params.has('at') && Number.isInteger(at) && at >= 0) out.at = at;
  return out;
}

export async function shareLink(article, { lenses, at }) {
  const params = new URLSearchParams();
  params.set('on', lenses.join(','));
  if (at !== undefined) params.set('at', String(at));
  const tail = `?${params.toString().replaceAll('%2C', ',')}`;
  const here = location.href.replace(/#.*$/, '');
  let fragment;
  if (article.kind === 'seed') {
    fragment = `#read/${article.key.split(':')[0]}:${encodeURIComponent(article.key.slice(5))}${tail}`;
  } else {
    const payload = await pack({ t: article.title, x: article.text, d: article.reference_date ?? undefined });
    fragment = `#shared/${payload}${tail}`;
    if (fragment.length > MAX_FRAGMENT) {
      return { problem: `This article is too long to travel in a link: it needs ${fragment.length.toLocaleString('en')} characters, ` +
        `and links carry up to ${MAX_FRAGMENT.toLocaleString('en')}. Share it as a file instead (Export, then JSON or HTML handout).` };
    }
  }
  return { url: here + fragment };
}
