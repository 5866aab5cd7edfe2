import { toKeyCodes } from './normalize';

export type BannedMatch = { word: string; start: number; end: number };

/**
 * An Aho–Corasick automaton over the keys of a service's banned words: built once per list
 * change, then every check is one pass over the text's key, whatever the number of words.
 */
export type Matcher = { find(text: string): BannedMatch[]; size: number };

type Entry = { word: string; key: string };

export function compileMatcher(entries: readonly Entry[]): Matcher {
  const next: Map<number, number>[] = [new Map()];
  const fail: number[] = [0];
  const out: number[][] = [[]]; // indexes of entries ending at the node
  const keys: string[] = [];
  const words: string[] = [];
  for (const e of entries) {
    if (!e.key) continue;
    const idx = keys.length;
    keys.push(e.key);
    words.push(e.word);
    let node = 0;
    for (let i = 0; i < e.key.length; i++) {
      const c = e.key.charCodeAt(i);
      let to = next[node].get(c);
      if (to === undefined) {
        to = next.length;
        next.push(new Map());
        fail.push(0);
        out.push([]);
        next[node].set(c, to);
      }
      node = to;
    }
    out[node].push(idx);
  }
  // Breadth-first: each node's failure link is the longest proper suffix that is also a prefix.
  const queue: number[] = [];
  for (const to of next[0].values()) queue.push(to);
  for (let h = 0; h < queue.length; h++) {
    const node = queue[h];
    for (const [c, to] of next[node]) {
      let f = fail[node];
      while (f !== 0 && !next[f].has(c)) f = fail[f];
      const cand = next[f].get(c);
      fail[to] = cand !== undefined && cand !== to ? cand : 0;
      if (out[fail[to]].length) out[to] = out[to].concat(out[fail[to]]);
      queue.push(to);
    }
  }
  return {
    size: keys.length,
    find(text: string): BannedMatch[] {
      if (!keys.length || !text) return [];
      const { codes, starts, ends, length } = toKeyCodes(text);
      const found: BannedMatch[] = [];
      let node = 0;
      for (let i = 0; i < length; i++) {
        const c = codes[i];
        let to = next[node].get(c);
        while (to === undefined && node !== 0) {
          node = fail[node];
          to = next[node].get(c);
        }
        node = to ?? 0;
        for (const idx of out[node]) {
          const from = i - keys[idx].length + 1;
          found.push({ word: words[idx], start: starts[from], end: ends[i] });
        }
      }
      return found.sort((a, b) => a.start - b.start || b.end - a.end);
    },
  };
}
