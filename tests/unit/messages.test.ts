import en from '@/messages/en.json';
import ko from '@/messages/ko.json';

function keys(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('UI messages', () => {
  it('has every key in both Korean and English', () => {
    const ko_ = new Set(keys(ko));
    const en_ = new Set(keys(en));
    expect([...ko_].filter((k) => !en_.has(k))).toEqual([]);
    expect([...en_].filter((k) => !ko_.has(k))).toEqual([]);
  });

  it('has no empty message', () => {
    for (const tree of [ko, en]) {
      const flat = keys(tree).map((k) => k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], tree));
      expect(flat.filter((v) => typeof v !== 'string' || !v.trim())).toEqual([]);
    }
  });
});
