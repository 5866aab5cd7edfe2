import { expect, test } from './fixtures';
import { E2E_AGENT_PASSWORD } from '../../playwright.config';
import { addIntakeType, createTicketAsAgent, logIn } from './helpers';

test('an agent saves a filter and hides a column; both follow them to another browser, and the filter is deleted', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36);
  const name = `내 긴급 ${suffix}`;
  const page = await (await browser.newContext()).newPage();
  await logIn(page, 'minji', E2E_AGENT_PASSWORD);
  const type = `목록${suffix}`;
  await addIntakeType(page, type);
  await page.goto('/demo');
  await createTicketAsAgent(page, {
    type,
    subject: `목록 설정 ${suffix}`,
    content: '목록 설정 확인',
    email: `list${suffix}@example.com`,
  });
  const main = page.locator('#main');

  await test.step('the filtered list is saved under a name and applied from the list', async () => {
    await page.goto(`/demo/tickets?menu=all&priority=normal&q=${suffix}`);
    await main.getByRole('button', { name: '현재 필터 저장' }).click();
    await main.getByLabel('필터 이름').fill(name);
    await main.getByRole('button', { name: '저장', exact: true }).click();
    await expect(main.getByRole('link', { name })).toBeVisible();
    await page.goto('/demo/tickets?menu=all');
    await main.getByRole('link', { name }).click();
    await expect(page).toHaveURL(new RegExp(`priority=normal&q=${suffix}`));
    await expect(main.getByRole('link', { name: `목록 설정 ${suffix}` })).toBeVisible();
  });

  await test.step('고객 column is hidden, and stays hidden after a reload', async () => {
    await expect(main.getByRole('columnheader', { name: '고객' })).toBeVisible();
    await main.locator('summary', { hasText: '표시 항목' }).click();
    await main.getByRole('group', { name: '표시 항목' }).getByRole('checkbox', { name: '고객' }).uncheck();
    await expect(main.getByRole('columnheader', { name: '고객' })).toHaveCount(0);
    await page.reload();
    await expect(main.getByRole('columnheader', { name: '상태' })).toBeVisible();
    await expect(main.getByRole('columnheader', { name: '고객' })).toHaveCount(0);
  });

  await test.step('in another browser the same agent has both; the filter is deleted and the column shown again', async () => {
    const other = await (await browser.newContext()).newPage();
    await logIn(other, 'minji', E2E_AGENT_PASSWORD);
    await other.goto('/demo/tickets?menu=all');
    const m = other.locator('#main');
    await expect(m.getByRole('columnheader', { name: '상태' })).toBeVisible();
    await expect(m.getByRole('columnheader', { name: '고객' })).toHaveCount(0);
    await m.getByRole('button', { name: `${name} 필터 삭제` }).click();
    await expect(m.getByRole('link', { name })).toHaveCount(0);
    await m.locator('summary', { hasText: '표시 항목' }).click();
    await m.getByRole('group', { name: '표시 항목' }).getByRole('checkbox', { name: '고객' }).check();
    await expect(m.getByRole('columnheader', { name: '고객' })).toBeVisible();
  });
});
