// The calls every bench makes: a corpus cut at paragraph breaks into pieces
// of at least `size` bytes of UTF-8 (the last may be shorter). `size` 2500
// is an article, the page's call; Infinity gives the corpus in one piece.
// Plain JavaScript, so Node and a browser page cut the same pieces.

const utf8 = new TextEncoder();

/** The length of `s` in bytes of UTF-8. */
export const byteLength = (s) => utf8.encode(s).length;

/** `corpus` cut into pieces of at least `size` bytes, at blank lines. */
export function cut(corpus, size) {
  const out = [];
  let paras = [];
  let bytes = 0;
  for (const para of corpus.split('\n\n')) {
    // The piece so far joined with blank lines, counted as it grows (the
    // text of a long piece is not encoded again for every paragraph).
    bytes += (paras.length ? 2 : 0) + byteLength(para);
    paras.push(para);
    if (bytes >= size) {
      out.push(paras.join('\n\n'));
      paras = [];
      bytes = 0;
    }
  }
  if (paras.length) out.push(paras.join('\n\n'));
  return out;
}
