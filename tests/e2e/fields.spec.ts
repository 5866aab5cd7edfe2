import { expect, test } from './fixtures';
import { E2E_ADMIN } from '../../playwright.config';

test('an admin defines a dropdown with ko/en options and marks a field encrypted with 30-day destruction', async ({
  page,
}) => {
  const code = `kind${Date.now().toString(36)}`;
  await page.goto('/login');
  await page.getByLabel('아이디 또는 이메일').fill(E2E_ADMIN.login);
  await page.getByLabel('비밀번호').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: '로그인' }).click();
  await page.getByRole('link', { name: '필드' }).click();
  await expect(page.getByRole('heading', { name: '필드', exact: true })).toBeVisible();
  await expect(page.getByTestId('field-subject')).toContainText('제목');

  await test.step('a code with Hangul is refused, the typed names stay', async () => {
    await page.getByRole('button', { name: '추가' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('항목 유형').selectOption('dropdown');
    await dialog.getByLabel('항목 코드').fill('문의구분');
    await dialog.getByLabel('항목 명 (ko)').fill('문의 구분');
    await dialog.getByLabel('항목 명 (en)').fill('Inquiry kind');
    await dialog.getByRole('button', { name: '선택지 추가' }).click();
    await dialog.getByRole('button', { name: '선택지 추가' }).click();
    const options = dialog.getByTestId('field-option');
    await options.nth(0).getByLabel('값').fill('order');
    await options.nth(0).getByLabel('표시명(ko)').fill('주문');
    await options.nth(0).getByLabel('표시명(en)').fill('Order');
    await options.nth(1).getByLabel('값').fill('refund');
    await options.nth(1).getByLabel('표시명(ko)').fill('환불');
    await options.nth(1).getByLabel('표시명(en)').fill('Refund');
    await dialog.getByRole('button', { name: '저장' }).click();
    await expect(
      dialog.getByText('항목 코드는 영문자로 시작하는 영문·숫자·밑줄(_) 50자 이내로 입력하세요.'),
    ).toBeVisible();
    await expect(dialog.getByLabel('항목 명 (ko)')).toHaveValue('문의 구분');
  });

  await test.step('with a valid code it is saved', async () => {
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '아래로' }).first().click();
    await dialog.getByLabel('항목 코드').fill(code);
    await dialog.getByRole('button', { name: '저장' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId(`field-${code}`)).toContainText('드롭다운');
  });

  await test.step('the options kept their order and labels', async () => {
    await page.getByRole('button', { name: `수정 ${code}` }).click();
    const options = page.getByRole('dialog').getByTestId('field-option');
    await expect(options.nth(0).getByLabel('값')).toHaveValue('refund');
    await expect(options.nth(1).getByLabel('표시명(en)')).toHaveValue('Order');
    await page.getByRole('dialog').getByRole('button', { name: '취소' }).click();
  });

  await test.step('the phone field becomes encrypted with destruction 30 days after close', async () => {
    await page.getByRole('button', { name: '수정 phone' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('개인정보 암호화').check();
    await dialog.getByLabel('개인정보 파기').selectOption('30');
    await dialog.getByRole('button', { name: '저장' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('field-phone')).toContainText('30일 후 · 티켓 완료 후');
  });

  await test.step('a custom field is deleted after a confirmation, a system field can only be reset', async () => {
    await page.getByRole('button', { name: `삭제 ${code}` }).click();
    await expect(page.getByRole('dialog')).toContainText('이 코드는 다시 쓸 수 없습니다');
    await page.getByRole('dialog').getByRole('button', { name: '삭제' }).click();
    await expect(page.getByTestId(`field-${code}`)).toHaveCount(0);
    await expect(page.getByRole('button', { name: '삭제 phone' })).toHaveCount(0);
    await page.getByRole('button', { name: '초기화 phone' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '초기화' }).click();
    await expect(page.getByTestId('field-phone')).not.toContainText('30일');
  });
});
