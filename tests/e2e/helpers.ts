import { expect, type Page } from '@playwright/test';
import { E2E_ADMIN } from '../../playwright.config';

export async function logIn(page: Page, login: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('아이디 또는 이메일').fill(login);
  await page.getByLabel('비밀번호').fill(password);
  await page.getByRole('button', { name: '로그인' }).click();
  await expect(page.getByRole('button', { name: '로그아웃' })).toBeVisible();
}

export async function logOut(page: Page) {
  await page.getByRole('button', { name: '로그아웃' }).click();
  await expect(page.getByText('로그아웃되었습니다.')).toBeVisible();
}

/** 티켓 생성 as the signed-in agent, for 홍길동; ends on the new ticket's screen and returns its number. */
export async function createTicketAsAgent(
  page: Page,
  t: { type: string; subject: string; content: string; email: string },
): Promise<string> {
  await page.getByRole('link', { name: '티켓 생성' }).click();
  await page.getByLabel('접수유형').selectOption({ label: t.type });
  await page.getByRole('button', { name: '선택' }).click();
  await page.getByLabel('제목').fill(t.subject);
  await page.getByLabel('내용').fill(t.content);
  await page.getByLabel('이름').fill('홍길동');
  await page.getByLabel('이메일').fill(t.email);
  await page.getByLabel('개인정보수집 및 이용 동의').check();
  await page.getByRole('button', { name: '티켓 생성' }).click();
  await expect(page.getByRole('heading', { name: t.subject })).toBeVisible();
  return /\/tickets\/(\d+)/.exec(page.url())![1];
}

/**
 * The dev mailbox is for org admins only: signs the e2e admin in, opens the newest mail
 * matching `mail`, and returns the href of its link matching `link`, signed out again.
 */
export async function linkFromDevMail(page: Page, mail: string | RegExp, link: RegExp): Promise<string> {
  await logIn(page, E2E_ADMIN.login, E2E_ADMIN.password);
  await page.goto('/dev/mail');
  await page.getByRole('link').filter({ hasText: mail }).first().click();
  const href = await page.getByRole('link', { name: link }).first().getAttribute('href');
  await page.goto('/');
  await logOut(page);
  return href!;
}

/** 카테고리 관리 as a signed-in admin: adds a level-1 intake type named `name`. */
export async function addIntakeType(page: Page, name: string) {
  await page.goto('/demo/settings/categories');
  await page.getByRole('button', { name: '1뎁스 카테고리 추가' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('카테고리명 (ko)').fill(name);
  await dialog.getByRole('button', { name: '추가' }).click();
  await expect(page.getByTestId(`category-row-${name}`)).toBeVisible();
}
