import en from '@/messages/en.json';
import ko from '@/messages/ko.json';

function keys(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
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
      const flat = keys(tree).map((k) =>
        k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], tree),
      );
      expect(flat.filter((v) => typeof v !== 'string' || !v.trim())).toEqual([]);
    }
  });
});

// Parameters of the categories messages (issue 4).
const categoryParams = Object.fromEntries(
  [
    'adds',
    'column',
    'count',
    'depth',
    'descendants',
    'leaf',
    'mb',
    'moves',
    'parent',
    'path',
    'position',
    'reason',
    'renames',
    'row',
    'rows',
    'switches',
    'tickets',
    'value',
  ].map((p) => [p, 1]),
);

const agentParams = Object.fromEntries(
  [
    'after',
    'agents',
    'before',
    'capped',
    'failed',
    'field',
    'groups',
    'message',
    'number',
    'role',
    'service',
    'subject',
    'triggers',
  ].map((p) => [p, 1]),
);

// Parameters of the help-center messages (issue 6).
const helpcenterParams = { number: 1, subject: 's' };
const templateParams = Object.fromEntries(['codes', 'line', 'reason', 'title', 'word', 'words'].map((p) => [p, 1]));
// Parameters of the triggers messages (issue 7).
const triggerParams = Object.fromEntries(
  ['codes', 'error', 'evaluated', 'fired', 'hint', 'langs', 'ms', 'n', 'status', 'time', 'title'].map((p) => [p, 1]),
);

// Parameters of the external-channel messages (issue 16).
const channelParams = Object.fromEntries(
  ['detail', 'matched', 'state', 'bytes', 'limit', 'kind', 'requestId', 'result', 'sender'].map((p) => [p, 1]),
);
// Parameters of the e-mail messages (issue 15).
const emailParams = { account: 'a' };

// Parameters of the live desk, search, dashboard messages (issue 18).
const deskParams = Object.fromEntries(
  ['cap', 'count', 'from', 'to', 'timeZone', 'done', 'total', 'error'].map((p) => [p, 1]),
);

describe('UI messages parse', () => {
  it('every message is valid ICU in both languages (a broken one renders as its key)', () => {
    const { translator } = jest.requireActual('@/lib/i18n/messages') as typeof import('@/lib/i18n/messages');
    for (const [locale, tree] of [
      ['ko', ko],
      ['en', en],
    ] as const) {
      const t = translator(locale);
      const broken = keys(tree).filter((k) => {
        const out = t(k, {
          min: 1,
          max: 2,
          minutes: 3,
          name: 'n',
          id: 'i',
          email: 'e',
          code: 'c',
          lang: 'ko',
          days: 30,
          loginId: 'l',
          languages: 'ko',
          layouts: 'a',
          inviter: 'x',
          link: 'y',
          hours: 72,
          ...categoryParams,
          ...agentParams,
          ...helpcenterParams,
          ...templateParams,
          ...triggerParams,
          ...channelParams,
          ...deskParams,
          ...emailParams,
        });
        return out === k;
      });
      expect(broken).toEqual([]);
    }
  });
});
