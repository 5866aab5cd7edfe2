import { test as base, expect, type BrowserContext } from '@playwright/test';

/**
 * Every spec imports `test` from here: it fails a test on any console error or uncaught
 * exception of any page the test opens (the default page and pages of contexts it makes), so
 * a hydration mismatch (React #418) or a client crash can never pass unnoticed. A resource that
 * answers 4xx is logged by Chromium as a console error too; tests that visit a 404 on purpose
 * check the status themselves, so those lines are ignored — 5xx never are.
 */
const IGNORED = /^Failed to load resource: the server responded with a status of 4\d\d/;

export const test = base.extend<{ consoleGuard: void }>({
  consoleGuard: [
    async ({ browser, context }, use, testInfo) => {
      const problems: string[] = [];
      const watch = (ctx: BrowserContext) => {
        const attach = (page: import('@playwright/test').Page) => {
          page.on('console', (msg) => {
            if (msg.type() === 'error' && !IGNORED.test(msg.text()))
              problems.push(`console error on ${page.url()}: ${msg.text()}`);
          });
          page.on('pageerror', (err) => problems.push(`uncaught exception on ${page.url()}: ${err.message}`));
        };
        ctx.pages().forEach(attach);
        ctx.on('page', attach);
      };
      watch(context);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args: Parameters<typeof newContext>) => {
        const ctx = await newContext(...args);
        watch(ctx);
        return ctx;
      };
      // Playwright's fixture callback (not React's `use` hook) — restored after the test either way.
      await use().finally(() => {
        browser.newContext = newContext;
      });
      if (problems.length && testInfo.status === 'passed') {
        throw new Error(`The browser reported errors:\n${problems.join('\n')}`);
      }
    },
    { auto: true },
  ],
});

export { expect };
