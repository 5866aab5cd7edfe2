import { expect, test } from './fixtures';

// The guard itself: a page that logs an error (as React does on a hydration mismatch) fails its test.
test.fail('a test whose page logs a console error fails', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('button', { name: '로그인' })).toBeVisible();
  await page.evaluate(() => console.error('Minified React error #418'));
});
