// Display preferences in the header: theme (System/Light/Dark), text size and
// projector mode. They live as data attributes on <html>, which style.css
// reads, and are remembered in localStorage when the browser allows it.
//
//   setupSettings();   // wires #theme, #size, #projector

const KEY = 'newslens.display';

function load() {
  try {
    return JSON.parse(localStorage.getItem(KEY)) ?? {};
  } catch {
    return {};
  }
}

export function setupSettings() {
  const root = document.documentElement;
  const prefs = { theme: 'auto', size: 'm', projector: false, ...load() };
  const theme = document.getElementById('theme');
  const size = document.getElementById('size');
  const projector = document.getElementById('projector');

  function apply() {
    root.dataset.theme = prefs.theme;
    root.dataset.size = prefs.size;
    root.toggleAttribute('data-projector', prefs.projector);
    theme.value = prefs.theme;
    size.value = prefs.size;
    projector.checked = prefs.projector;
    try {
      localStorage.setItem(KEY, JSON.stringify(prefs));
    } catch {
      // Not remembered; the choice still holds for this visit.
    }
  }
  theme.onchange = () => apply((prefs.theme = theme.value));
  size.onchange = () => apply((prefs.size = size.value));
  projector.onchange = () => apply((prefs.projector = projector.checked));
  apply();
}
