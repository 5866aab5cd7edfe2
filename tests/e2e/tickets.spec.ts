import { expect, test } from './fixtures';
import { E2E_ADMIN, E2E_AGENT_PASSWORD } from '../../playwright.config';
import { addIntakeType, createTicketAsAgent, logIn, logOut } from './helpers';

test('an inquiry is taken, pended, solved and completed, and the customer gets threaded mails', async ({ page }) => {
  test.setTimeout(180_000);
  const suffix = Date.now().toString(36);
  const type = `교환${suffix}`;
  const subject = `사이즈 교환 요청 ${suffix}`;
  const email = `cust${suffix}@example.com`;
  let number = '';

  await test.step('the admin adds an intake type', async () => {
    await logIn(page, E2E_ADMIN.login, E2E_ADMIN.password);
    await page.goto('/demo/settings/categories');
    await page.getByRole('button', { name: '1뎁스 카테고리 추가' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('카테고리명 (ko)').fill(type);
    await dialog.getByRole('button', { name: '추가' }).click();
    await expect(page.getByTestId(`category-row-${type}`)).toBeVisible();
    await logOut(page);
  });

  await test.step('an agent records the inquiry with 티켓 생성', async () => {
    await logIn(page, 'seoyeon', E2E_AGENT_PASSWORD);
    number = await createTicketAsAgent(page, {
      type,
      subject,
      content: '<script>alert(1)</script> 운동화 270을 275로 바꾸고 싶어요.',
      email,
    });
    await expect(page.getByText('<script>alert(1)</script> 운동화 270을 275로 바꾸고 싶어요.')).toBeVisible();
    await logOut(page);
  });

  await test.step('another agent finds it in 전체 미할당 티켓 and takes it', async () => {
    await logIn(page, 'junho', E2E_AGENT_PASSWORD);
    await page.getByRole('link', { name: '티켓 목록' }).click();
    await page.getByRole('link', { name: /전체 미할당 티켓/ }).click();
    await page.getByLabel('검색', { exact: true }).fill(suffix);
    await page.getByRole('button', { name: '검색', exact: true }).click();
    await page.getByRole('link', { name: subject }).click();
    await page.getByRole('button', { name: '가져오기' }).click();
    await expect(page.getByText('티켓을 가져왔습니다.')).toBeVisible();
    await expect(page.getByText('처리중', { exact: true })).toBeVisible();
  });

  await test.step('the agent pends with an interim reply, previews and then solves', async () => {
    await page.getByLabel('답변 내용').fill('재고를 확인하고 있습니다. 잠시만 기다려 주세요.');
    await page.getByLabel('처리 방법').selectOption({ label: '보류' });
    await page.getByRole('button', { name: '처리하기' }).click();
    await expect(page.getByText('처리했고 고객에게 메일을 보냈습니다.')).toBeVisible();
    await expect(page.getByText('보류중', { exact: true })).toBeVisible();

    await page.getByLabel('답변 내용').fill('275 사이즈로 교환 발송했습니다.');
    await page.getByLabel('처리 방법').selectOption({ label: '해결' });
    await page.getByRole('button', { name: '미리보기' }).click();
    const preview = page.getByRole('dialog');
    await expect(preview.getByText(`[#${number}] Re: ${subject}`)).toBeVisible();
    await expect(preview.getByText(email)).toBeVisible();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '처리하기' }).click();
    // The 보류 toast may still be showing (4 s) when this one appears.
    await expect(page.getByText('처리했고 고객에게 메일을 보냈습니다.').last()).toBeVisible();
    await expect(page.getByText('해결', { exact: true }).first()).toBeVisible();

    await page.getByRole('tab', { name: '히스토리' }).click();
    await expect(page.getByRole('tabpanel', { name: '히스토리' }).getByText('상태: 보류중 → 해결')).toBeVisible();
    await logOut(page);
  });

  await test.step('the customer mails are in the dev mailbox, threaded on the ticket', async () => {
    await logIn(page, E2E_ADMIN.login, E2E_ADMIN.password);
    await page.goto('/dev/mail');
    const mails = page.getByRole('link').filter({ hasText: `[#${number}] Re: ${subject}` });
    await expect(mails).toHaveCount(2);
    await mails.first().click();
    await expect(page.getByText(/in-reply-to/)).toBeVisible();
    const root = await page.locator('dt:has-text("in-reply-to") + dd').innerText();
    expect(root).toMatch(/^<ticket-[0-9a-f-]+@/);
    await page.goBack();
    await mails.nth(1).click();
    await expect(page.locator('dt:has-text("in-reply-to") + dd')).toHaveText(root);
    await page.goto('/');
    await logOut(page);
  });

  await test.step('an admin completes the solved ticket', async () => {
    await logIn(page, 'minji', E2E_AGENT_PASSWORD);
    await page.goto(`/demo/tickets/${number}`);
    await page.getByRole('button', { name: '완료' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '완료' }).click();
    await expect(page.getByText('티켓을 완료했습니다.')).toBeVisible();
    await expect(page.getByText('완료', { exact: true }).first()).toBeVisible();
  });
});

// The list is rendered on the server and hydrated in the browser: dates must come out the same
// whatever the browser's own locale and time zone (the console guard fails on React #418).
for (const browserLocale of [
  { locale: 'ko-KR', timezoneId: 'Asia/Seoul' },
  { locale: 'en-US', timezoneId: 'America/New_York' },
]) {
  test(`the ticket list hydrates cleanly in a ${browserLocale.locale} browser and keeps what the agent types`, async ({
    browser,
  }) => {
    const context = await browser.newContext(browserLocale);
    const page = await context.newPage();
    await logIn(page, E2E_ADMIN.login, E2E_ADMIN.password);
    const type = `날짜${browserLocale.locale}${Date.now().toString(36)}`;
    await addIntakeType(page, type);
    await createTicketAsAgent(page, {
      type,
      subject: `목록 날짜 ${browserLocale.locale}`,
      content: '날짜 형식 확인',
      email: 'date@example.com',
    });
    await page.goto('/demo/tickets?menu=all');
    const firstDate = page.getByTestId('ticket-created-at').first();
    // One format everywhere: the member's language (Korean) with 오전/오후, in the service time zone.
    await expect(firstDate).toHaveText(/^\d{4}\. \d{1,2}\. \d{1,2}\. 오[전후] \d{1,2}:\d{2}$/);
    const search = page.getByRole('searchbox');
    await search.fill('목록 날짜');
    await page.waitForTimeout(1500);
    await expect(search).toHaveValue('목록 날짜');
    await context.close();
  });
}
