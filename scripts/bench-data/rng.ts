/** A small deterministic PRNG (mulberry32), so a seed always yields the same data. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)],
    /** Index in 0..n-1, skewed towards the front (a few categories and agents are much busier). */
    skewed: (n: number, s = 1.1) => Math.min(n - 1, Math.floor(n * Math.pow(next(), s * 1.6))),
    weighted: <T>(pairs: readonly (readonly [T, number])[]) => {
      let r = next() * pairs.reduce((s, p) => s + p[1], 0);
      for (const [v, w] of pairs) if ((r -= w) < 0) return v;
      return pairs[pairs.length - 1][0];
    },
  };
}
