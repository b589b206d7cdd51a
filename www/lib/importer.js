// Text from a file the user opens or drops: .txt as it is, .md without its
// markup signs, .html through an inert parsed document (DOMParser runs no
// script and loads nothing) walked for its text, paragraphs kept.
//
//   const text = await textFromFile(file);

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'SVG', 'IFRAME', 'OBJECT', 'CANVAS', 'NAV', 'BUTTON', 'SELECT', 'FORM']);
const BLOCK = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'BLOCKQUOTE',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD', 'PRE', 'TABLE', 'TR', 'FIGURE',
  'FIGCAPTION', 'HR', 'ADDRESS', 'DETAILS', 'SUMMARY']);

export function textFromHtml(html) {
  // The parsed document inherits this page's CSP, which would report each
  // inline style in it as a violation; styles never matter for the text, so
  // <style> becomes an (ignored) <template> and style= attributes are renamed.
  const quiet = html.replace(/<(\/?)style\b/gi, '<$1template').replace(/(<[a-z][^>]*?\s)style(\s*=)/gi, '$1data-style$2');
  const doc = new DOMParser().parseFromString(quiet, 'text/html');
  const blocks = [];
  let line = '';
  const flush = () => {
    // Source line breaks are only spaces in HTML; a <br> (held as U+2028) stays a line break.
    const t = line.replace(/[ \t\r\n\f\u00a0]+/g, ' ').replace(/ ?\u2028 ?/g, '\n').trim();
    if (t) blocks.push(t);
    line = '';
  };
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) line += child.data;
      else if (child.nodeType !== Node.ELEMENT_NODE || SKIP.has(child.tagName.toUpperCase())) continue;
      else if (child.tagName === 'BR') line += '\u2028';
      else if (BLOCK.has(child.tagName)) {
        flush();
        walk(child);
        flush();
      } else walk(child);
    }
  };
  if (doc.body) walk(doc.body);
  flush();
  const title = doc.title.trim();
  // A page whose <title> is not already its first line gets it as the title line.
  if (title && blocks[0] !== title && !blocks.slice(0, 3).some((b) => title.startsWith(b))) blocks.unshift(title);
  return blocks.join('\n\n');
}

export function textFromMarkdown(md) {
  return md
    .replace(/\r\n?/g, '\n')
    .replace(/^```.*$/gm, '')
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    .replace(/^\s{0,3}>\s?/gm, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|\W)[*_](\S[^*_]*?)[*_](?=\W|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1');
}

export async function textFromFile(file) {
  const raw = await file.text();
  const name = file.name.toLowerCase();
  if (/\.html?$/.test(name) || file.type === 'text/html') return textFromHtml(raw);
  if (/\.(md|markdown)$/.test(name)) return textFromMarkdown(raw);
  return raw.replace(/\r\n?/g, '\n');
}

/** The title an article gets by default: its first non-empty line, shortened. */
export function firstLine(text) {
  const line = text.trim().split('\n')[0].trim();
  return line.length > 120 ? `${line.slice(0, 117)}…` : line || 'Untitled';
}
