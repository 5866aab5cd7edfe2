import ExcelJS from 'exceljs';
import fs from 'node:fs/promises';
import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { E2E_ADMIN } from '../../playwright.config';

async function logIn(page: Page) {
  await page.goto('/login');
  await page.getByLabel('아이디 또는 이메일').fill(E2E_ADMIN.login);
  await page.getByLabel('비밀번호').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: '로그인' }).click();
  await expect(page.getByRole('heading', { name: '데모 서비스' })).toBeVisible();
}

const row = (page: Page, name: string) => page.getByTestId(`category-row-${name}`);

async function addCategory(page: Page, parent: string | null, ko: string, en: string) {
  if (parent) {
    await row(page, parent).getByRole('button', { name: parent, exact: true }).click();
    await page.getByRole('button', { name: '하위 카테고리 추가' }).click();
  } else {
    await page.getByRole('button', { name: '1뎁스 카테고리 추가' }).click();
  }
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('카테고리명 (ko)').fill(ko);
  await dialog.getByLabel('카테고리명 (en)').fill(en);
  await dialog.getByRole('button', { name: '추가' }).click();
  await expect(dialog).toBeHidden();
  await expect(row(page, ko)).toBeVisible();
}

test('admin builds, edits, reorders, deletes, downloads and imports intake types', async ({ page }) => {
  test.setTimeout(150_000);
  await logIn(page);
  await page.getByRole('link', { name: '카테고리 관리' }).click();
  await expect(page.getByRole('heading', { name: '카테고리 관리' })).toBeVisible();
  await expect(page.getByText('카테고리가 없습니다')).toBeVisible();

  await test.step('builds a 3-level tree with ko/en names', async () => {
    await addCategory(page, null, '배송', 'Shipping');
    await addCategory(page, '배송', '지연', 'Delay');
    await addCategory(page, '지연', '파손', 'Damaged');
    await addCategory(page, null, '결제', 'Payment');
    await addCategory(page, null, '기타', 'Other');
    await addCategory(page, '기타', '기타 문의', 'Misc');
    await expect(row(page, '파손')).toContainText('3뎁스');
  });

  await test.step('a duplicate name at the same level is refused with the clash named', async () => {
    await page.getByRole('button', { name: '1뎁스 카테고리 추가' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('카테고리명 (ko)').fill(' 배송 ');
    await dialog.getByRole('button', { name: '추가' }).click();
    await expect(dialog.getByText('1뎁스에 이미 "배송" 카테고리가 있습니다.', { exact: false }).first()).toBeVisible();
    await dialog.getByRole('button', { name: '취소' }).click();
  });

  await test.step('renames by double-click (Esc cancels, Enter saves)', async () => {
    await row(page, '결제').getByRole('button', { name: '결제', exact: true }).dblclick();
    const box = page.getByLabel('결제 이름 (ko)');
    await box.fill('취소될 이름');
    await box.press('Escape');
    await expect(row(page, '결제')).toBeVisible();
    await row(page, '결제').getByRole('button', { name: '결제', exact: true }).dblclick();
    await page.getByLabel('결제 이름 (ko)').fill('결제 문의');
    await page.getByLabel('결제 이름 (ko)').press('Enter');
    await expect(row(page, '결제 문의')).toBeVisible();
  });

  await test.step('switches one inactive', async () => {
    const toggle = page.getByRole('switch', { name: '지연 활성화' });
    await expect(toggle).toHaveAttribute('aria-checked', 'true');
    await toggle.click();
    await expect(page.getByText('"지연"을(를) 비활성화했습니다.')).toBeVisible();
    await page.reload();
    await expect(page.getByRole('switch', { name: '지연 활성화' })).toHaveAttribute('aria-checked', 'false');
  });

  await test.step('reorders level 1 by dragging', async () => {
    const handle = page.getByRole('button', { name: '결제 문의 순서 바꾸기' });
    const target = row(page, '배송');
    const from = (await handle.boundingBox())!;
    const to = (await target.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, from.y - 10, { steps: 5 });
    await page.mouse.move(from.x + from.width / 2, to.y + 2, { steps: 15 });
    await page.mouse.up();
    await expect(page.getByText('순서를 저장했습니다.')).toBeVisible();
    await page.reload();
    const names = await page
      .locator('[data-testid^="category-row-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice(13)));
    expect(names.indexOf('결제 문의')).toBeLessThan(names.indexOf('배송'));
  });

  await test.step('shows names in English with the language switcher and the ID with a copy button', async () => {
    await page.getByRole('link', { name: 'en' }).click();
    await expect(row(page, '배송').getByRole('button', { name: 'Shipping', exact: true })).toBeVisible();
    await row(page, '배송').getByRole('button', { name: 'Shipping', exact: true }).click();
    await expect(page.getByTestId('category-id')).toHaveText(/^[0-9a-f-]{36}$/);
    await expect(page.getByRole('button', { name: '카테고리 아이디 복사' })).toBeVisible();
    await page.getByRole('link', { name: 'ko (기본)' }).click();
  });

  await test.step('deletes a branch after a confirm dialog that counts it', async () => {
    await row(page, '기타').getByRole('button', { name: '기타', exact: true }).click();
    await page.getByRole('button', { name: '삭제' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByText('"기타"과(와) 하위 카테고리 1개가 함께 삭제됩니다.', { exact: false })).toBeVisible();
    await dialog.getByRole('button', { name: '삭제' }).click();
    await expect(row(page, '기타')).toHaveCount(0);
    await expect(row(page, '기타 문의')).toHaveCount(0);
  });

  let downloaded = '';
  await test.step('downloads the tree as .xlsx with one row per category', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '다운로드' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^demo-intake-categories-.*\.xlsx$/);
    downloaded = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(await fs.readFile(downloaded)).buffer);
    const rows: string[][] = [];
    wb.worksheets[0].eachRow((r) =>
      rows.push(Array.from((r.values as unknown[]).slice(1, 11), (v) => String(v ?? ''))),
    );
    expect(rows[0].slice(0, 10)).toEqual([
      'ID',
      '레벨',
      '1뎁스',
      '2뎁스',
      '3뎁스',
      '4뎁스',
      '5뎁스',
      '이름(ko)',
      '이름(en)',
      '활성화',
    ]);
    expect(rows.slice(1).map((r) => [r[1], r[2], r[3], r[4], r[8], r[9]])).toEqual([
      ['1', '결제 문의', '', '', 'Payment', 'Y'],
      ['1', '배송', '', '', 'Shipping', 'Y'],
      ['2', '배송', '지연', '', 'Delay', 'N'],
      ['3', '배송', '지연', '파손', 'Damaged', 'Y'],
    ]);
  });

  await test.step('imports a changed file through the preview', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(await fs.readFile(downloaded)).buffer);
    const ws = wb.worksheets[0];
    ws.addRow(['', '', '결제 문의', '환불', '', '', '', '', 'Refund', 'Y']);
    ws.getRow(4).getCell(10).value = 'Y'; // 지연 back on
    const file = `${downloaded}-changed.xlsx`;
    await wb.xlsx.writeFile(file);
    await page.getByRole('button', { name: '가져오기' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('.xlsx 파일').setInputFiles(file);
    await dialog.getByRole('button', { name: '미리보기' }).click();
    const preview = dialog.getByTestId('import-preview');
    await expect(preview).toContainText('추가 1');
    await expect(preview).toContainText('결제 문의 > 환불');
    await expect(preview).toContainText('활성화 변경 1');
    await dialog.getByRole('button', { name: '2건 반영' }).click();
    await expect(dialog).toBeHidden();
    await expect(row(page, '환불')).toBeVisible();
    await expect(page.getByRole('switch', { name: '지연 활성화' })).toHaveAttribute('aria-checked', 'true');
  });
});

test('processing types are renamed with the edit button and stop at level 5', async ({ page }) => {
  test.setTimeout(120_000);
  await logIn(page);
  await page.goto('/demo/settings/categories?tab=processing');
  await expect(page.getByRole('link', { name: '처리유형' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('switch')).toHaveCount(0);
  let parent: string | null = null;
  for (let d = 1; d <= 5; d++) {
    const name = `처리${d}`;
    if (parent) {
      await row(page, parent).getByRole('button', { name: parent, exact: true }).click();
      await page.getByRole('button', { name: '하위 카테고리 추가' }).click();
    } else await page.getByRole('button', { name: '1뎁스 카테고리 추가' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('카테고리명').fill(name);
    await dialog.getByRole('button', { name: '추가' }).click();
    await expect(dialog).toBeHidden();
    await expect(row(page, name)).toBeVisible();
    parent = name;
  }
  await row(page, '처리5').getByRole('button', { name: '처리5', exact: true }).click();
  await expect(page.getByRole('button', { name: '하위 카테고리 추가' })).toBeDisabled();
  await row(page, '처리5').getByRole('button', { name: '처리5', exact: true }).dblclick();
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await page.getByRole('button', { name: '수정' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('카테고리명').fill('최종 처리');
  await dialog.getByRole('button', { name: '저장' }).click();
  await expect(row(page, '최종 처리')).toBeVisible();
});
