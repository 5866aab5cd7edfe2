import fs from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { simpleParser, type ParsedMail } from 'mailparser';
import { E2E_ADMIN, E2E_AGENT_PASSWORD } from '../../playwright.config';
import { createTicketAsAgent, logIn, logOut } from './helpers';

// Issue 17: where the landed features drift from the original.

async function addIntakeType(page: Page, name: string) {
  await page.goto('/demo/settings/categories');
  await page.getByRole('button', { name: '1뎁스 카테고리 추가' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('카테고리명 (ko)').fill(name);
  await dialog.getByRole('button', { name: '추가' }).click();
  await expect(page.getByTestId(`category-row-${name}`)).toBeVisible();
}

async function newTrigger(page: Page, title: string, subjectContains: string) {
  await page.goto('/demo/settings/triggers');
  await page.getByRole('link', { name: '트리거 추가' }).click();
  await page.getByRole('textbox', { name: '제목', exact: true }).fill(title);
  await page.getByLabel('조건 1의 대상').selectOption('subject');
  await page.getByLabel('조건 1의 조건', { exact: true }).selectOption('contains');
  await page.getByLabel('조건 1의 조건 값').fill(subjectContains);
}

/** The .eml files the e2e server wrote (scripts/e2e-server.ts: MAIL_DIR = .data/e2e/mail), parsed. */
async function mails(): Promise<ParsedMail[]> {
  const dir = path.join('.data', 'e2e', 'mail');
  const files = (await fs.readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.eml'));
  return Promise.all(files.map(async (f) => simpleParser(await fs.readFile(path.join(dir, f)))));
}

test('an agent creates a ticket with an inactive intake type (티켓 관리 화면에서만 사용 가능)', async ({ page }) => {
  const suffix = Date.now().toString(36);
  const type = `전화접수${suffix}`;
  await logIn(page, E2E_ADMIN.login, E2E_ADMIN.password);
  await addIntakeType(page, type);
  await page.getByRole('switch', { name: `${type} 활성화` }).click();
  await expect(page.getByText(`"${type}"을(를) 비활성화했습니다.`)).toBeVisible();
  await logOut(page);

  await page.goto('/demo/hc/ko');
  await expect(page.getByText(type)).toHaveCount(0);

  await logIn(page, 'seoyeon', E2E_AGENT_PASSWORD);
  const subject = `전화 문의 ${suffix}`;
  await createTicketAsAgent(page, {
    type,
    subject,
    content: '전화로 받은 문의입니다.',
    email: `tel${suffix}@example.com`,
  });
  await expect(page.getByText(`접수유형: ${type}`).first()).toBeVisible();
});

test('a trigger assigns round-robin among two chosen agents of a group of three', async ({ page }) => {
  test.setTimeout(180_000);
  const suffix = Date.now().toString(36);
  const type = `배송문의${suffix}`;
  const title = `배송 순차 ${suffix}`;
  await logIn(page, E2E_ADMIN.login, E2E_ADMIN.password);
  await addIntakeType(page, type);
  await newTrigger(page, title, `RR${suffix}`);
  await page.getByLabel('결과 1의 그룹').selectOption({ label: '배송' });
  await page.getByLabel('결과 1의 배분 방식').selectOption('round_robin');
  const subset = page.getByTestId('assign-subset-1');
  // 배송 = 김민지, 박서연, 최도윤 (in the order they were added); choose the last two.
  await expect(subset.getByRole('checkbox')).toHaveCount(3);
  await subset.getByLabel(/박서연/).check();
  await subset.getByLabel(/최도윤/).check();
  await page.getByRole('button', { name: '저장' }).click();
  await expect(page.getByTestId(`trigger-${title}`)).toBeVisible();
  await logOut(page);

  await logIn(page, 'seoyeon', E2E_AGENT_PASSWORD);
  const assignees: string[] = [];
  for (let i = 0; i < 4; i++) {
    // From the dashboard: a ticket screen has its own 접수유형 select the helper could pick before navigating.
    await page.goto('/demo');
    await createTicketAsAgent(page, {
      type,
      subject: `RR${suffix} 문의 ${i}`,
      content: '배송이 늦어요.',
      email: `rr${i}${suffix}@example.com`,
    });
    const header = await page.locator('header').filter({ hasText: '담당자:' }).first().innerText();
    assignees.push(/담당자: (\S+)/.exec(header)![1]);
  }
  expect(assignees).toEqual(['박서연', '최도윤', '박서연', '최도윤']);
});

test('an HTML notification mail with bold text and a link is written in the rich-text editor and arrives as HTML with a clean text part', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const suffix = Date.now().toString(36);
  const type = `HTML${suffix}`;
  const title = `HTML 알림 ${suffix}`;
  await logIn(page, E2E_ADMIN.login, E2E_ADMIN.password);
  await addIntakeType(page, type);
  await newTrigger(page, title, `HTML${suffix}`);
  await page.getByLabel('결과 1의 대상').selectOption('notify_mail');
  await page.getByLabel('결과 1의 받는 사람').selectOption('agent');
  await page.getByLabel('결과 1의 상담원').selectOption({ label: '김민지 (minji)' });
  await page.getByRole('button', { name: '메일 설정' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('제목').fill(`[HTML ${suffix}] `);
  await dialog.getByRole('button', { name: '치환코드 ticketNo 넣기' }).click();
  const body = dialog.getByTestId('rich-text-body');
  await body.click();
  await page.keyboard.type('새 문의 ');
  await dialog.getByRole('button', { name: '굵게' }).click();
  await page.keyboard.type('중요');
  await dialog.getByRole('button', { name: '굵게' }).click();
  await page.keyboard.type(' 안내서');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowLeft');
  page.once('dialog', (d) => d.accept('https://example.com/guide'));
  await dialog.getByRole('button', { name: '링크', exact: true }).click();
  await expect(body.locator('a[href="https://example.com/guide"]')).toHaveText('안내서');
  await body.press('End');
  await page.keyboard.type(' ');
  await dialog.getByRole('button', { name: '치환코드 subject 넣기' }).click();
  await expect(body.locator('strong')).toHaveText('중요');
  await dialog.getByRole('button', { name: '적용' }).click();
  await page.getByRole('button', { name: '저장' }).click();
  await expect(page.getByTestId(`trigger-${title}`)).toBeVisible();

  const subject = `HTML${suffix} <결제> 문의`;
  await page.goto('/demo');
  const number = await createTicketAsAgent(page, {
    type,
    subject,
    content: '본문',
    email: `html${suffix}@example.com`,
  });
  let mail: ParsedMail | undefined;
  await expect
    .poll(async () => (mail = (await mails()).find((m) => m.subject === `[HTML ${suffix}] ${number}`)) !== undefined, {
      timeout: 60_000,
    })
    .toBe(true);
  expect(mail!.html).toContain('<strong>중요</strong>');
  expect(mail!.html).toMatch(/<a [^>]*href="https:\/\/example\.com\/guide"[^>]*>안내서<\/a>/);
  expect(mail!.html).toContain('&lt;결제&gt;');
  expect(mail!.text!.replace(/\u00a0/g, ' ').trim()).toBe(`새 문의 중요 안내서 [https://example.com/guide] ${subject}`);
});

test('an agent opening a settings screen gets 403 inside the app shell; 개인정보설정 keeps the service menu', async ({
  page,
}) => {
  await logIn(page, 'seoyeon', E2E_AGENT_PASSWORD);
  const res = await page.goto('/demo/settings/triggers');
  expect(res?.status()).toBe(403);
  await expect(page.getByTestId('forbidden')).toContainText('관리자 권한이 필요합니다');
  await expect(page.getByRole('navigation', { name: '메뉴' }).getByRole('link', { name: '티켓 생성' })).toBeVisible();
  await page.getByRole('link', { name: '박서연' }).click();
  await expect(page).toHaveURL(/\/me\?service=demo/);
  await expect(page.getByRole('navigation', { name: '메뉴' }).getByRole('link', { name: '티켓 생성' })).toBeVisible();
});
