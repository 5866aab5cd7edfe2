import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { E2E_ADMIN, E2E_AGENT_PASSWORD } from '../../playwright.config';
import { createTicketAsAgent, logIn, logOut } from './helpers';

/** Clicks until the dialog opens: a click that lands before hydration does nothing. */
async function openDialog(page: Page, name: string) {
  await expect(async () => {
    if (!(await page.getByRole('dialog').isVisible())) await page.getByRole('button', { name, exact: true }).click();
    await expect(page.getByRole('dialog')).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 30_000 });
}

async function addCategory(page: Page, tab: 'intake' | 'processing', name: string) {
  await page.goto(`/demo/settings/categories${tab === 'processing' ? '?tab=processing' : ''}`);
  await page.getByRole('button', { name: '1뎁스 카테고리 추가' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(tab === 'intake' ? '카테고리명 (ko)' : '카테고리명').fill(name);
  await dialog.getByRole('button', { name: '추가' }).click();
  await expect(dialog).toBeHidden();
}

test('an admin sets up a template and a banned word; an agent inserts the template and is stopped by the word', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const suffix = Date.now().toString(36);
  const n = Date.now();
  const syl = (k: number) => String.fromCharCode(0xac00 + (k % 11172));
  const banned = syl(n) + syl(Math.floor(n / 11172)) + syl(Math.floor(n / 7));
  const intake = `문의${suffix}`;
  const processing = `안내${suffix}`;
  const title = `감사 인사 ${suffix}`;
  const code = `thx${suffix}`.slice(0, 20);
  const subject = `템플릿 시험 ${suffix}`;

  await test.step('the admin adds types, a template with #{name} linked to the processing type, and a banned word', async () => {
    await logIn(page, E2E_ADMIN.login, E2E_ADMIN.password);
    await addCategory(page, 'intake', intake);
    await addCategory(page, 'processing', processing);

    await page.getByRole('link', { name: '템플릿 관리' }).click();
    await openDialog(page, '추가');
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('템플릿 제목').fill(title);
    const content = dialog.getByLabel(/^내용/);
    await content.fill('안녕하세요 ');
    await dialog.getByTestId('substitution-codes').getByRole('button', { name: '#{name}' }).dblclick();
    await page.keyboard.type('님, 문의 감사합니다.');
    // 편집기 유형 HTML: the rich-text editor (a contenteditable), not a textarea.
    await expect(content).toHaveText('안녕하세요 #{name}님, 문의 감사합니다.');
    await dialog.getByLabel('검색 코드').fill(code);
    await dialog.getByTestId('template-types').getByRole('option', { name: processing }).click();
    await dialog.getByRole('button', { name: '연결', exact: true }).click();
    await expect(dialog.getByTestId('template-linked').getByRole('option', { name: processing })).toBeVisible();
    await dialog.getByRole('button', { name: '저장' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId(`template-${title}`)).toContainText(processing);

    await page.getByRole('link', { name: '금칙어' }).click();
    await expect(page.getByTestId('banned-word-rule')).toContainText('한글 글자 사이의 공백');
    await openDialog(page, '추가');
    await page.getByRole('dialog').getByLabel('금칙어(한 줄에 하나)').fill(banned);
    await page.getByRole('dialog').getByRole('button', { name: '저장' }).click();
    await expect(page.getByTestId(`banned-word-${banned}`)).toBeVisible();
    await logOut(page);
  });

  await test.step('an agent records a ticket for 홍길동 and sets its processing type', async () => {
    await logIn(page, 'seoyeon', E2E_AGENT_PASSWORD);
    await createTicketAsAgent(page, {
      type: intake,
      subject,
      content: '문의드립니다.',
      email: `tpl${suffix}@example.com`,
    });
    await page.getByLabel('처리유형').selectOption({ label: processing });
    await page.getByRole('button', { name: '저장', exact: true }).click();
    await expect(page.getByLabel('처리유형')).toHaveValue(/.+/);
  });

  const expected = '안녕하세요 홍길동님, 문의 감사합니다.';
  await test.step('the agent inserts the template (name substituted), also via /code', async () => {
    await openDialog(page, '템플릿');
    const picker = page.getByRole('dialog');
    await picker.getByLabel('제목 또는 검색 코드').fill(suffix);
    await picker.getByRole('button', { name: new RegExp(title) }).click();
    await expect(picker).toBeHidden();
    // The demo service's editor type is HTML: the reply box is the rich-text editor.
    const replyBox = page.getByRole('textbox', { name: '답변 내용' });
    await expect(replyBox).toHaveText(expected);

    await replyBox.fill('');
    await replyBox.pressSequentially(`/${code}`);
    await page
      .getByTestId('template-suggestions')
      .getByRole('button', { name: new RegExp(title) })
      .click();
    await expect(replyBox).toHaveText(expected);
  });

  await test.step('a banned word with spaces between its syllables stops 처리하기 until removed', async () => {
    const box = page.getByLabel('답변 내용');
    await box.fill(`${expected} ${banned.split('').join(' ')}`);
    await page.getByLabel('처리 방법').selectOption({ label: '해결' });
    await page.getByRole('button', { name: '처리하기' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading', { name: '금칙어가 포함되어 있습니다' })).toBeVisible();
    await expect(dialog.getByTestId('banned-word-list')).toContainText(banned);
    await expect(dialog.locator('mark')).toHaveText(banned.split('').join(' '));
    await dialog.getByRole('button', { name: '고치러 가기' }).click();
    await expect(dialog).toBeHidden();

    await box.fill(expected);
    await page.getByRole('button', { name: '처리하기' }).click();
    await expect(page.getByText('처리했고 고객에게 메일을 보냈습니다.')).toBeVisible();
  });
});
