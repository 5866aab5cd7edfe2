import { expect, test } from './fixtures';
import { E2E_ADMIN } from '../../playwright.config';

test('an admin adds a field to an intake type layout, reorders it with the keyboard, and the child inherits it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const s = Date.now().toString(36);
  const parent = `레이아웃${s}`;
  const child = `하위${s}`;
  const code = `orderNo${s}`;
  await page.goto('/login');
  await page.getByLabel('아이디 또는 이메일').fill(E2E_ADMIN.login);
  await page.getByLabel('비밀번호').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: '로그인' }).click();
  await expect(page.getByRole('heading', { name: '데모 서비스' })).toBeVisible();

  await test.step('two intake types, parent and child', async () => {
    await page.getByRole('link', { name: '카테고리 관리' }).click();
    await page.getByRole('button', { name: '1뎁스 카테고리 추가' }).click();
    await page.getByRole('dialog').getByLabel('카테고리명 (ko)').fill(parent);
    await page.getByRole('dialog').getByRole('button', { name: '추가' }).click();
    await expect(page.getByTestId(`category-row-${parent}`)).toBeVisible();
    await page.getByTestId(`category-row-${parent}`).getByRole('button', { name: parent, exact: true }).click();
    await page.getByRole('button', { name: '하위 카테고리 추가' }).click();
    await page.getByRole('dialog').getByLabel('카테고리명 (ko)').fill(child);
    await page.getByRole('dialog').getByRole('button', { name: '추가' }).click();
    await expect(page.getByTestId(`category-row-${child}`)).toBeVisible();
  });

  await test.step('a custom field to place', async () => {
    await page.getByRole('link', { name: '필드', exact: true }).click();
    await expect(page.getByRole('heading', { name: '필드', exact: true })).toBeVisible();
    await page.getByRole('button', { name: '추가', exact: true }).click();
    await page.getByRole('dialog').getByLabel('항목 코드').fill(code);
    await page.getByRole('dialog').getByLabel('항목 명 (ko)').fill('주문번호');
    await page.getByRole('dialog').getByRole('button', { name: '저장' }).click();
    await expect(page.getByTestId(`field-${code}`)).toBeVisible();
  });

  await test.step('the parent type gets the field, placed above 이름 with the keyboard', async () => {
    await page.getByRole('link', { name: '필드 설정' }).click();
    await expect(page.getByRole('navigation', { name: '접수유형' })).toBeVisible();
    await page.getByRole('navigation', { name: '접수유형' }).getByRole('link', { name: parent }).click();
    await expect(page.getByText('기본 입력 양식을 따르고 있습니다.', { exact: false })).toBeVisible();
    await page.getByRole('button', { name: '추가', exact: true }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: new RegExp(code) })
      .click();
    const rows = page.locator('[data-testid^="layout-"]');
    await expect(rows.last()).toHaveAttribute('data-testid', 'layout-personalAgree');
    await expect(rows.nth(7)).toHaveAttribute('data-testid', `layout-${code}`);
    await expect(page.getByText('기본 입력 양식을 따르고 있습니다.', { exact: false })).toBeHidden();

    const handle = page.getByRole('button', { name: '주문번호 순서 바꾸기' });
    await handle.focus();
    await page.keyboard.press('Space');
    // dnd-kit marks the handle while it is lifted; move only once the drag has started.
    await expect(handle).toHaveAttribute('aria-pressed', 'true');
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('ArrowUp');
      await page.waitForTimeout(100);
    }
    await page.keyboard.press('Space');
    await expect(rows.nth(3)).toHaveAttribute('data-testid', `layout-${code}`);
    await page.reload();
    await expect(page.locator('[data-testid^="layout-"]').nth(3)).toHaveAttribute('data-testid', `layout-${code}`);
    await expect(page.locator('[data-testid^="layout-"]').first()).toHaveAttribute('data-testid', 'layout-category');
  });

  await test.step('the child type inherits it and says so', async () => {
    await page.getByRole('navigation', { name: '접수유형' }).getByRole('link', { name: child }).click();
    await expect(
      page.getByText(`상위 접수유형 ‘${parent}’의 필드 설정을 따르고 있습니다.`, { exact: false }),
    ).toBeVisible();
    await expect(page.locator('[data-testid^="layout-"]').nth(3)).toHaveAttribute('data-testid', `layout-${code}`);
  });
});
