import { expect, test } from './fixtures';
import nodemailer from 'nodemailer';
import { E2E_ADMIN, E2E_MAIL } from '../../playwright.config';
import { logIn } from './helpers';

const smtp = () =>
  nodemailer.createTransport({ host: '127.0.0.1', port: E2E_MAIL.port, secure: false, ignoreTLS: true });

test('a customer mail becomes a ticket, the 해결 reply goes out in the layout as the sender, and the answer re-opens it', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const suffix = Date.now().toString(36);
  const subject = `배송지 변경 요청 ${suffix}`;
  const customer = `mailer${suffix}@example.com`;
  let number = '';
  let replyId = '';

  await test.step('the admin sets 발신 정보 and a 해결 layout (refused without #{content})', async () => {
    await logIn(page, E2E_ADMIN.login, E2E_ADMIN.password);
    await page.goto('/demo/settings/email');
    await expect(page.getByTestId('representative')).toContainText(`demo@${E2E_MAIL.domain}`);
    const sender = page.getByTestId('sender-form');
    await sender.getByLabel('발신자 이름').fill('데모 고객센터');
    await sender.getByLabel('발신 주소').fill('help@demo.example.com');
    await sender.getByRole('button', { name: '저장' }).click();
    await expect(page.getByText('저장했습니다.').first()).toBeVisible();

    const layout = page.getByTestId('layout-form');
    // 편집기 유형 HTML: the layout is edited in the rich-text editor (a contenteditable), not a textarea.
    const editor = layout.getByLabel('내용 (HTML)');
    await expect(editor).toHaveAttribute('contenteditable', 'true');
    await editor.click();
    await page.keyboard.type('데모 고객센터입니다.');
    await layout.getByRole('button', { name: '저장' }).click();
    await expect(layout.getByText('답변 내용 #{content} 치환코드를 넣어야 저장할 수 있습니다.').first()).toBeVisible();
    await editor.press('End');
    await page.keyboard.press('Enter');
    // The code list inserts at the cursor (keyboard: focus the code, Enter).
    await layout.getByRole('button', { name: '#{content}' }).press('Enter');
    await editor.press('End');
    await page.keyboard.press('Enter');
    await layout.getByRole('button', { name: '굵게' }).click();
    await page.keyboard.type('좋은 하루 보내세요.');
    await expect(editor.locator('strong')).toHaveText('좋은 하루 보내세요.');
    await expect(editor).toContainText('#{content}');
    await layout.getByRole('button', { name: '저장' }).click();
    await expect(page.getByText('저장했습니다.').first()).toBeVisible();
  });

  await test.step('a customer mail to the representative account arrives as a ticket', async () => {
    const info = await smtp().sendMail({
      from: `"김메일" <${customer}>`,
      to: `demo@${E2E_MAIL.domain}`,
      subject,
      text: '주문한 상품의 배송지를 부산으로 바꿔 주세요.',
    });
    expect(info.response).toMatch(/^250/);
    await page.goto(`/demo/tickets?${new URLSearchParams({ q: suffix })}`);
    await page.getByRole('link', { name: subject }).click();
    await expect(page.getByText('주문한 상품의 배송지를 부산으로 바꿔 주세요.')).toBeVisible();
    number = /\/tickets\/(\d+)/.exec(page.url())![1];
  });

  await test.step('an agent solves it; the conversation shows the mail sent', async () => {
    await page.getByLabel('답변 내용').fill('배송지를 부산으로 변경했습니다.');
    await page.getByLabel('처리 방법').selectOption({ label: '해결' });
    await page.getByRole('button', { name: '처리하기' }).click();
    await expect(page.getByText('해결', { exact: true }).first()).toBeVisible();
    await expect(async () => {
      await page.reload();
      await expect(page.locator('[data-mail-state="sent"]')).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 30_000 });
  });

  await test.step('the customer gets the reply rendered in the layout, from 발신 정보, threaded', async () => {
    await page.goto('/dev/mail');
    await page
      .getByRole('link')
      .filter({ hasText: `[#${number}] Re: ${subject}` })
      .click();
    await expect(
      page
        .getByText('데모 고객센터 <help@demo.example.com>')
        .or(page.getByText('"데모 고객센터" <help@demo.example.com>')),
    ).toBeVisible();
    const body = page.locator('pre');
    await expect(body).toContainText('데모 고객센터입니다.');
    await expect(body).toContainText('배송지를 부산으로 변경했습니다.');
    await expect(body).toContainText('좋은 하루 보내세요.');
    replyId = await page.locator('dt:has-text("message-id") + dd').innerText();
    expect(replyId).toMatch(/^<[0-9a-f-]+@desk\.e2e>$/);
  });

  await test.step('the customer answers the mail and the ticket is back in 처리중 with the new message', async () => {
    await smtp().sendMail({
      from: customer,
      to: `demo@${E2E_MAIL.domain}`,
      subject: `Re: [#${number}] Re: ${subject}`,
      text: '감사합니다. 받는 분 전화번호도 바꿀 수 있나요?',
      inReplyTo: replyId,
      references: [replyId],
    });
    await page.goto(`/demo/tickets/${number}`);
    // In the conversation tab: a live refresh may leave a streamed copy of the page in React's hidden buffer.
    await expect(
      page.getByRole('tabpanel', { name: '대화' }).getByText('감사합니다. 받는 분 전화번호도 바꿀 수 있나요?'),
    ).toBeVisible();
    await expect(page.getByText('처리중', { exact: true }).first()).toBeVisible();
  });
});
