import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { E2E_ADMIN } from '../../playwright.config';

async function logIn(page: Page, login: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('아이디 또는 이메일').fill(login);
  await page.getByLabel('비밀번호').fill(password);
  await page.getByRole('button', { name: '로그인' }).click();
}

async function logOut(page: Page) {
  await page.getByRole('button', { name: '로그아웃' }).click();
  await expect(page.getByText('로그아웃되었습니다.')).toBeVisible();
}

test('admin creates a service, invites a member who sets a password and logs in; 5 failures lock', async ({ page }) => {
  const suffix = Date.now().toString(36);
  const loginId = `agent${suffix}`;
  const memberPassword = 'member-pass-2026';
  let inviteUrl = '';

  await test.step('the seeded admin logs in and lands on the demo service', async () => {
    await logIn(page, E2E_ADMIN.login, E2E_ADMIN.password);
    await expect(page.getByRole('heading', { name: '데모 서비스' })).toBeVisible();
    await expect(page.getByRole('link', { name: '김관리' })).toBeVisible();
  });

  await test.step('a service ID that breaks the rules is refused with a field message', async () => {
    await page.goto('/admin/services');
    await page.getByRole('button', { name: '서비스 추가' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('서비스 ID').fill('Admin');
    await dialog.getByLabel('서비스 이름').fill('잘못된 서비스');
    await dialog.getByRole('button', { name: '서비스 추가' }).click();
    await expect(dialog.getByText('영문 소문자로 시작하는 영문 소문자·숫자 3~30자로 입력하세요.')).toBeVisible();
  });

  await test.step('creates a service', async () => {
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('서비스 ID').fill(`shop${suffix}`);
    await dialog.getByLabel('서비스 이름').fill('쇼핑몰 고객센터');
    await dialog.getByRole('button', { name: '서비스 추가' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('cell', { name: `shop${suffix}` })).toBeVisible();
    await expect(page.getByRole('link', { name: '쇼핑몰 고객센터' })).toBeVisible();
  });

  await test.step('invites a member', async () => {
    await page.goto('/admin/members');
    await page.getByRole('button', { name: '회원 초대' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('이름').fill('이상담');
    await dialog.getByLabel('아이디').fill(loginId);
    await dialog.getByLabel('이메일').fill(`${loginId}@example.com`);
    await dialog.getByRole('button', { name: '초대 메일 보내기' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId(`member-${loginId}`).getByText('초대됨')).toBeVisible();
  });

  await test.step('the invite mail in the dev mailbox opens the set-password page', async () => {
    await logOut(page);
    await page.goto('/dev/mail');
    await page.getByRole('link', { name: /초대했습니다/ }).first().click();
    await expect(page.getByText(`${loginId}@example.com`)).toBeVisible();
    await page.getByRole('link', { name: /\/invite\// }).click();
    await expect(page.getByRole('heading', { name: '비밀번호 설정' })).toBeVisible();
    inviteUrl = page.url();
  });

  await test.step('a weak password is refused with the rule, then a good one is set', async () => {
    await page.getByLabel('새 비밀번호').fill('short');
    await page.getByLabel('비밀번호 확인').fill('short');
    await page.getByRole('button', { name: '비밀번호 설정' }).click();
    await expect(page.getByText('비밀번호는 10~128자이며 영문자와 숫자를 모두 포함해야 합니다.')).toBeVisible();
    await page.getByLabel('새 비밀번호').fill(memberPassword);
    await page.getByLabel('비밀번호 확인').fill(memberPassword);
    await page.getByRole('button', { name: '비밀번호 설정' }).click();
    await expect(page.getByRole('heading', { name: '비밀번호가 설정되었습니다' })).toBeVisible();
  });

  await test.step('the invite link cannot be used twice', async () => {
    await page.goto(inviteUrl);
    await expect(page.getByRole('heading', { name: '이미 사용된 초대 링크입니다' })).toBeVisible();
  });

  await test.step('the member logs in', async () => {
    await logIn(page, loginId, memberPassword);
    await expect(page.getByRole('heading', { name: '참여 중인 서비스가 없습니다' })).toBeVisible();
    await expect(page.getByRole('link', { name: '이상담' })).toBeVisible();
    await logOut(page);
  });

  await test.step('five wrong passwords lock the account with a clear message', async () => {
    for (let i = 0; i < 4; i++) {
      await logIn(page, loginId, 'wrong-password-1');
      await expect(page.getByText('아이디(이메일) 또는 비밀번호가 올바르지 않습니다.')).toBeVisible();
    }
    await logIn(page, loginId, 'wrong-password-1');
    await expect(page.getByText('로그인에 5회 실패하여 계정이 잠겼습니다. 15분 후에 다시 시도하세요.')).toBeVisible();
    await logIn(page, loginId, memberPassword);
    await expect(page.getByText(/계정이 잠겼습니다/)).toBeVisible();
  });
});
