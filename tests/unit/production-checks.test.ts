import { productionStartProblems } from '@/lib/ops/production-checks';

const SECRETS = { NEXTAUTH_SECRET: 's', APP_ENCRYPTION_KEY: 'k' };

describe('productionStartProblems', () => {
  it('keeps the one-command embedded default when the operator has not declared production', () => {
    expect(productionStartProblems({}, { embeddedHasData: false })).toEqual([]);
  });

  it('refuses generated secrets in production instead of making new ones per host', () => {
    const p = productionStartProblems(
      { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/cd' },
      { embeddedHasData: false },
    );
    expect(p.join()).toMatch(/NEXTAUTH_SECRET/);
    expect(p.join()).toMatch(/APP_ENCRYPTION_KEY/);
  });

  it('refuses to start an empty embedded database on a production host unless told to', () => {
    expect(productionStartProblems({ NODE_ENV: 'production', ...SECRETS }, { embeddedHasData: false }).join()).toMatch(
      /DATABASE_URL is not set/,
    );
    expect(
      productionStartProblems(
        { NODE_ENV: 'production', ...SECRETS, ALLOW_EMBEDDED_DB: '1' },
        { embeddedHasData: false },
      ),
    ).toEqual([]);
    expect(productionStartProblems({ NODE_ENV: 'production', ...SECRETS }, { embeddedHasData: true })).toEqual([]);
    expect(
      productionStartProblems(
        { NODE_ENV: 'production', ...SECRETS, DATABASE_URL: 'postgres://db/cd' },
        { embeddedHasData: false },
      ),
    ).toEqual([]);
  });
});
