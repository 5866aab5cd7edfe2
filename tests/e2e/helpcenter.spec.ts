import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { E2E_ADMIN } from '../../playwright.config';

// One intake type for the whole file, made by an admin through 카테고리 관리.
const type = `헬프센터${Date.now().toString(36)}`;

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await page.goto('/login');
  await page.getByLabel('아이디 또는 이메일').fill(E2E_ADMIN.login);
  await page.getByLabel('비밀번호').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: '로그인' }).click();
  await expect(page.getByRole('heading', { name: '데모 서비스' })).toBeVisible();
  await page.getByRole('link', { name: '카테고리 관리' }).click();
  await page.getByRole('button', { name: '1뎁스 카테고리 추가' }).click();
  await page.getByRole('dialog').getByLabel('카테고리명 (ko)').fill(type);
  await page.getByRole('dialog').getByRole('button', { name: '추가' }).click();
  await expect(page.getByTestId(`category-row-${type}`)).toBeVisible();
  await page.close();
});

/** A customer's browser: no session, Korean. */
async function customer(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ locale: 'ko-KR', javaScriptEnabled });
  return context.newPage();
}

async function fillInquiry(page: Page, subject: string, { attach = true }: { attach?: boolean } = {}) {
  await page.goto('/demo/hc');
  await expect(page).toHaveURL(/\/demo\/hc\/ko$/);
  await expect(page.getByRole('heading', { name: '문의하기' })).toBeVisible();
  await page.getByRole('radio', { name: type }).check();
  await page.getByRole('button', { name: '유형 선택' }).click();
  await expect(page.getByRole('heading', { name: `선택한 유형: ${type}` })).toBeVisible();
  await page.getByLabel('제목').fill(subject);
  await page.getByLabel('내용').fill('어제 주문한 상품의 결제를 취소하고 싶습니다.\n<b>굵게</b> 쓴 것이 아닙니다.');
  await page.getByLabel('이름').fill('홍길동');
  await page.getByLabel('이메일').fill('hong@example.com');
  if (attach)
    await page
      .getByLabel('첨부파일')
      .setInputFiles({ name: '영수증.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n영수증\n') });
  await page.getByLabel('개인정보수집 및 이용 동의').check();
}

// The plain path first: most customers attach nothing (the first wave refused all of them with JavaScript on).
for (const javaScriptEnabled of [true, false]) {
  test(`a customer files an inquiry without an attachment (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({
    browser,
  }) => {
    const page = await customer(browser, javaScriptEnabled);
    const subject = `첨부 없는 문의 ${javaScriptEnabled ? 'JS' : 'noJS'} ${Date.now().toString(36)}`;
    await fillInquiry(page, subject, { attach: false });
    await page.getByRole('button', { name: '문의 접수' }).click();
    await expect(page.getByRole('heading', { name: '문의가 접수되었습니다' })).toBeVisible();
    await expect(page.getByTestId('ticket-number')).toHaveText(/^\d+$/);
    await expect(page.getByText(subject, { exact: true })).toBeVisible();
    await page.context().close();
  });
}

test('a customer files a Korean inquiry with an attachment and sees the ticket number', async ({ browser }) => {
  const page = await customer(browser, true);
  const subject = `<script>결제 취소</script> ${Date.now().toString(36)}`;
  await fillInquiry(page, subject);
  await page.getByRole('button', { name: '문의 접수' }).click();
  await expect(page.getByRole('heading', { name: '문의가 접수되었습니다' })).toBeVisible();
  await expect(page.getByTestId('ticket-number')).toHaveText(/^\d+$/);
  // Shown as typed, never run.
  await expect(page.getByText(subject, { exact: true })).toBeVisible();
  await expect(page.getByText('접수 확인 메일을 보냈습니다.')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '영수증.pdf' }).click();
  expect((await download).suggestedFilename()).toBe('영수증.pdf');
  await page.context().close();
});

test('the basic path works without JavaScript, and a refused form comes back filled in', async ({ browser }) => {
  const page = await customer(browser, false);
  const subject = `자바스크립트 없이 ${Date.now().toString(36)}`;
  await fillInquiry(page, subject);
  // The browser checks required fields itself; an address only the server refuses.
  await page.getByLabel('이메일').fill('not-an-address');
  await page.getByRole('button', { name: '문의 접수' }).click();
  await expect(page.getByText('올바른 이메일 주소를 입력하세요.')).toBeVisible();
  await expect(page.getByLabel('제목')).toHaveValue(subject);
  await expect(page.getByLabel('개인정보수집 및 이용 동의')).toBeChecked();
  await page.getByLabel('이메일').fill('hong@example.com');
  await page
    .getByLabel('첨부파일')
    .setInputFiles({ name: '영수증.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n') });
  await page.getByRole('button', { name: '문의 접수' }).click();
  await expect(page.getByRole('heading', { name: '문의가 접수되었습니다' })).toBeVisible();
  await expect(page.getByTestId('ticket-number')).toHaveText(/^\d+$/);
  await page.context().close();
});

test('without JavaScript a 20 MB file gets a field error and a 60 MB post a message, never a server error', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await customer(browser, false);
  await fillInquiry(page, '큰 첨부파일');
  await page
    .getByLabel('첨부파일')
    .setInputFiles({ name: 'big.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(20 * 1024 * 1024, 1) });
  await page.getByRole('button', { name: '문의 접수' }).click();
  await expect(page.getByText('big.pdf: 파일이 너무 큽니다. 10MB 이하만 첨부할 수 있습니다.')).toBeVisible();

  const huge = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cd-e2e-')), 'huge.pdf');
  fs.writeFileSync(huge, Buffer.alloc(60 * 1024 * 1024, 1));
  await page.getByLabel('개인정보수집 및 이용 동의').check();
  await page.getByLabel('첨부파일').setInputFiles(huge);
  const response = page.waitForResponse((r) => r.request().method() === 'POST');
  await page.getByRole('button', { name: '문의 접수' }).click();
  expect((await response).status()).toBe(303);
  await expect(
    page.getByText('첨부파일이 너무 큽니다. 파일은 5개까지, 파일당 10MB 이하로 첨부해 주세요.'),
  ).toBeVisible();
  fs.rmSync(path.dirname(huge), { recursive: true, force: true });
  await page.context().close();
});

test('an unknown help-center language is a 404, and the switcher offers the service languages', async ({ browser }) => {
  const page = await customer(browser, true);
  const res = await page.goto('/demo/hc/ja');
  expect(res?.status()).toBe(404);
  await page.goto('/demo/hc/ko');
  await page.getByRole('link', { name: 'en', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Contact us' })).toBeVisible();
  await page.context().close();
});
