import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { E2E_ADMIN } from '../../playwright.config';
import { linkFromDevMail } from './helpers';

async function logIn(page: Page, login: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('아이디 또는 이메일').fill(login);
  await page.getByLabel('비밀번호').fill(password);
  await page.getByRole('button', { name: '로그인' }).click();
  await expect(page.getByRole('button', { name: '로그아웃' })).toBeVisible();
}

async function logOut(page: Page) {
  await page.getByRole('button', { name: '로그아웃' }).click();
  await expect(page.getByText('로그아웃되었습니다.')).toBeVisible();
}

test('an admin invites a member, adds them to a new group, and sees their own assignment switch in the list and the access log', async ({
  page,
}) => {
  const suffix = Date.now().toString(36);
  const loginId = `cs${suffix}`;
  const name = '박상담';
  const group = `야간${suffix}`;
  const password = 'agent-pass-2026';

  await test.step('the admin invites a member from the agent screen', async () => {
    await logIn(page, E2E_ADMIN.login, E2E_ADMIN.password);
    await page.getByRole('link', { name: '상담원', exact: true }).click();
    await expect(page.getByRole('heading', { name: '상담원', exact: true })).toBeVisible();
    await page.getByRole('button', { name: '회원 초대' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('이름').fill(name);
    await dialog.getByLabel('아이디').fill(loginId);
    await dialog.getByLabel('이메일').fill(`${loginId}@example.com`);
    await dialog.getByRole('button', { name: '초대 메일 보내기' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`${loginId}@example.com(으)로 초대 메일을 보냈습니다.`)).toBeVisible();
    await logOut(page);
  });

  await test.step('the member accepts the invite', async () => {
    await page.goto(await linkFromDevMail(page, `${loginId}@example.com`, /\/invite\//));
    await page.getByLabel('새 비밀번호').fill(password);
    await page.getByLabel('비밀번호 확인').fill(password);
    await page.getByRole('button', { name: '비밀번호 설정' }).click();
    await expect(page.getByRole('heading', { name: '비밀번호가 설정되었습니다' })).toBeVisible();
  });

  await test.step('the admin adds the member as 상담원 to a new group', async () => {
    await logIn(page, E2E_ADMIN.login, E2E_ADMIN.password);
    await page.goto('/demo/settings/agents');
    await page.getByRole('link', { name: '상담원 추가' }).click();
    const search = page.getByRole('group', { name: '상담원 검색' });
    await search.getByRole('button', { name: '상담원 검색' }).click();
    await expect(search.getByText('이름, 아이디, 이메일 중 하나 이상을 입력하세요.')).toBeVisible();
    await search.getByLabel('아이디').fill(loginId);
    await search.getByRole('button', { name: '상담원 검색' }).click();
    await search.getByRole('button', { name: `${name} 선택` }).click();
    await expect(page.getByTestId('selected-member')).toContainText(loginId);

    await page.getByRole('button', { name: '그룹 추가' }).click();
    await page.getByLabel('새 그룹 이름').fill(group);
    await page.getByRole('button', { name: '그룹 추가' }).click();
    await expect(page.getByRole('checkbox', { name: group })).toBeChecked();
    await expect(page.getByRole('radio', { name: '상담원' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: '조회 권한' })).toBeDisabled();
    await page.getByRole('button', { name: '상담원 추가' }).click();

    await expect(page).toHaveURL(/\/demo\/settings\/agents$/);
    const row = page.getByTestId(`agent-${loginId}`);
    await expect(row).toContainText(group);
    await expect(row.getByRole('switch', { name: `${name} 티켓 할당` })).toHaveAttribute('aria-checked', 'true');
  });

  await test.step('the admin turns 할당 제어 on, at once from the list', async () => {
    const toggle = page.getByTestId(`agent-${loginId}`).getByRole('switch', { name: `${name} 할당 제어` });
    await expect(toggle).toHaveAttribute('aria-checked', 'false');
    await toggle.click();
    await expect(page.getByText(`${name} 할당 제어: ON`)).toBeVisible();
    await page.reload();
    await expect(
      page.getByTestId(`agent-${loginId}`).getByRole('switch', { name: `${name} 할당 제어` }),
    ).toHaveAttribute('aria-checked', 'true');
    await page.getByRole('link', { name: '그룹', exact: true }).click();
    await expect(page.getByTestId(`group-${group}`)).toContainText(name);
    await logOut(page);
  });

  await test.step('the agent cannot open settings, and switches their own 티켓 할당 off', async () => {
    await logIn(page, loginId, password);
    await expect(page.getByRole('link', { name: '상담원', exact: true })).toHaveCount(0);
    // A refusal that says so (403 inside the app shell), not a missing page.
    const refused = await page.goto('/demo/settings/agents');
    expect(refused?.status()).toBe(403);
    await expect(page.getByTestId('forbidden')).toContainText('관리자 권한이 필요합니다');
    await page.goto('/demo');
    await page.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { name: '개인정보설정' })).toBeVisible();
    const own = page.getByRole('switch', { name: '데모 서비스 티켓 할당' });
    await expect(own).toBeEnabled();
    await expect(own).toHaveAttribute('aria-checked', 'true');
    await own.click();
    await expect(page.getByText('데모 서비스: 티켓 할당 OFF')).toBeVisible();
    await page.reload();
    await expect(page.getByRole('switch', { name: '데모 서비스 티켓 할당' })).toHaveAttribute('aria-checked', 'false');
    await logOut(page);
  });

  await test.step('the admin sees the change in the list and in the access log', async () => {
    await logIn(page, E2E_ADMIN.login, E2E_ADMIN.password);
    await page.goto('/demo/settings/agents');
    await expect(
      page.getByTestId(`agent-${loginId}`).getByRole('switch', { name: `${name} 티켓 할당` }),
    ).toHaveAttribute('aria-checked', 'false');
    await page.getByRole('link', { name: '접속 로그' }).click();
    await page.getByLabel('회원', { exact: true }).selectOption({ label: `${name} (${loginId})` });
    await page.getByLabel('이벤트', { exact: true }).selectOption({ label: '권한 변경' });
    await page.getByRole('button', { name: '조회' }).click();
    const rows = page.getByTestId('access-log-row');
    await expect(rows.filter({ hasText: '티켓 할당: ON → OFF' })).toContainText(`${name} (${loginId})`);
    await expect(rows.filter({ hasText: '할당 제어: OFF → ON' })).toContainText(`(${E2E_ADMIN.login})`);
    await page.getByLabel('이벤트', { exact: true }).selectOption({ label: '로그인' });
    await page.getByRole('button', { name: '조회' }).click();
    await expect(rows.first()).toContainText(loginId);
  });
});

test('an admin adds, edits and deletes a group with the two-list member picker', async ({ page }) => {
  const group = `상담${Date.now().toString(36)}`;
  await logIn(page, E2E_ADMIN.login, E2E_ADMIN.password);
  await page.goto('/demo/settings/agents/groups');

  await test.step('adds a group with an agent moved across with [>]', async () => {
    await page.getByRole('button', { name: '그룹 추가' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('그룹 이름').fill(group);
    await dialog.getByLabel('상담원 검색').fill('김관리');
    const left = dialog.getByRole('group', { name: '상담원', exact: true });
    await left.getByRole('checkbox', { name: /김관리/ }).check();
    await dialog.getByRole('button', { name: '선택한 상담원을 그룹에 추가' }).click();
    await expect(dialog.getByRole('group', { name: '할당된 상담원' }).getByText('김관리')).toBeVisible();
    await expect(left.getByText('추가할 상담원이 없습니다.')).toBeVisible();
    await dialog.getByRole('button', { name: '저장' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId(`group-${group}`)).toContainText('김관리');
  });

  await test.step('a taken name is refused in the dialog', async () => {
    await page.getByRole('button', { name: '그룹 추가' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('그룹 이름').fill(` ${group.toUpperCase()} `);
    await dialog.getByRole('button', { name: '저장' }).click();
    await expect(dialog.getByText(`그룹 이름 ${group.toUpperCase()}은(는) 이미 있습니다.`).first()).toBeVisible();
    await dialog.getByRole('button', { name: '취소' }).click();
  });

  await test.step('renames it and takes the agent out with [<]', async () => {
    await page.getByRole('button', { name: `${group} 수정` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('그룹 이름').fill(`${group}B`);
    await dialog
      .getByRole('group', { name: '할당된 상담원' })
      .getByRole('checkbox', { name: /김관리/ })
      .check();
    await dialog.getByRole('button', { name: '선택한 상담원을 그룹에서 빼기' }).click();
    await dialog.getByRole('button', { name: '저장' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId(`group-${group}B`)).not.toContainText('김관리');
  });

  await test.step('deletes it after a confirmation that says what refers to it', async () => {
    await page.getByRole('button', { name: `${group}B 삭제` }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText(`그룹 ${group}B을(를) 삭제합니다. 상담원 0명`);
    await dialog.getByRole('button', { name: '삭제' }).click();
    await expect(page.getByText(`그룹 ${group}B을(를) 삭제했습니다.`)).toBeVisible();
    await expect(page.getByTestId(`group-${group}B`)).toHaveCount(0);
  });
});
