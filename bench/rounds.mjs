// The timing loop of bench/compare-builds.mjs, as a module Node and a
// Chromium page both import: every build warmed up, then the page's call
// (annotate_packed + unpack) over every piece, the builds taking turns round
// by round, so a burst of load on the machine hits them all. And the median
// every bench reports its rounds by.

/** The median of `xs` (the mean of the middle two for an even count). */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Seconds per round of each build in `builds` (wasm-bindgen glue modules). */
export function alternate(builds, pieces, unpack, rounds) {
  const options = { reference_date: '2017-02-21' };
  for (const glue of builds) {
    glue.warm_up();
    for (const p of pieces.slice(0, 300)) unpack(p, ...glue.annotate_packed(p, options));
  }
  const secs = builds.map(() => []);
  for (let r = 0; r < rounds; r++) {
    builds.forEach((glue, k) => {
      const t0 = performance.now();
      for (const p of pieces) unpack(p, ...glue.annotate_packed(p, options));
      secs[k].push((performance.now() - t0) / 1e3);
    });
  }
  return secs;
}
