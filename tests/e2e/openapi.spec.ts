import { createHmac } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { E2E_ADMIN } from '../../playwright.config';
import { logIn } from './helpers';

// An integrator's script: signs like integrations.md §1.10 with node:crypto only.
async function signedCreate(request: APIRequestContext, key: string, org: string, body: Record<string, unknown>) {
  const uri = '/demo/openapi/v1/ticket.json';
  const raw = JSON.stringify(body);
  const ts = String(Date.now());
  const auth = createHmac('sha256', key)
    .update(org + uri + raw + ts)
    .digest('base64');
  const res = await request.post(uri, {
    headers: { 'content-type': 'application/json', 'x-tc-timestamp': ts, authorization: auth },
    data: raw,
  });
  return (await res.json()) as {
    header: { resultCode: number; resultMessage: string };
    result: { content?: { ticketId: string } } | null;
  };
}

async function issueKey(page: import('@playwright/test').Page): Promise<string> {
  await page.getByTestId('api-key-issue').click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /서비스 Key 생성|API Key 변경/ })
    .click();
  const key = (await page.getByTestId('api-key-value').textContent())!.trim();
  await page.getByRole('button', { name: '확인' }).click();
  return key;
}

test('an admin issues a key in 인증, a script signs a create, the ticket appears with its fields; a rotated-out key works during the grace period and not once revoked', async ({
  page,
  request,
}) => {
  const type = `API유형${Date.now() % 100000}`;
  await logIn(page, E2E_ADMIN.login, E2E_ADMIN.password);
  await page.goto('/demo/settings/categories');
  await page.getByRole('button', { name: '1뎁스 카테고리 추가' }).click();
  await page.getByRole('dialog').getByLabel('카테고리명 (ko)').fill(type);
  await page.getByRole('dialog').getByRole('button', { name: '추가' }).click();
  await expect(page.getByTestId(`category-row-${type}`)).toBeVisible();
  await page.goto('/demo');
  await page.getByRole('link', { name: '인증' }).click();
  await expect(page.getByRole('heading', { name: '인증' })).toBeVisible();
  await expect(page.getByText('발급된 서비스 Key가 없습니다.')).toBeVisible();
  const key = await issueKey(page);
  expect(key.length).toBeGreaterThan(20);
  const org = (await page.getByTestId('api-org-id').textContent())!.trim();
  // The key is not on the page any more: only its last 4 characters.
  await expect(page.getByText(key)).toHaveCount(0);
  await expect(page.getByTestId(`api-key-${key.slice(-4)}`)).toContainText('사용 중');

  const cats = (await (await request.get('/demo/api/v2/ticket/categories.json?child=true')).json()) as {
    result: { contents: { categoryId: string; name: string }[] };
  };
  const category = cats.result.contents.find((c) => c.name === type)!;
  expect(category).toBeTruthy();
  const subject = `API 접수 ${Date.now()}`;
  const made = await signedCreate(request, key, org, {
    categoryId: category.categoryId,
    subject,
    content: 'Open API로 접수한 문의입니다.',
    endUser: { usercode: 'e2e-user', email: 'api-customer@example.com', username: '이연동', phone: '010-2222-3333' },
    language: 'ko',
    userFields: [{ code: 'personalAgree', value: 'true' }],
  });
  expect(made.header).toMatchObject({ resultCode: 200 });

  await page.goto('/demo/tickets?menu=all');
  await page.getByRole('link', { name: subject }).click();
  await expect(page.getByRole('heading', { name: subject })).toBeVisible();
  await expect(page.getByText('이연동').first()).toBeVisible();
  await expect(page.getByText('api-customer@example.com').first()).toBeVisible();

  // Rotation: the old key keeps working during the grace period (24 h) …
  await page.goto('/demo/settings/auth');
  await expect(page.getByTestId(`api-key-${key.slice(-4)}`)).toContainText('1');
  const key2 = await issueKey(page);
  await expect(page.getByTestId(`api-key-${key.slice(-4)}`)).toContainText('까지 유효');
  expect(
    (
      await signedCreate(request, key, org, {
        categoryId: category.categoryId,
        subject: `${subject} 2`,
        content: '유예 기간',
        endUser: { usercode: 'e2e-user' },
        userFields: [{ code: 'personalAgree', value: true }],
      })
    ).header.resultCode,
  ).toBe(200);
  // … and stops once revoked; the new key works.
  await page.getByRole('button', { name: `폐기 ••••${key.slice(-4)}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: '폐기' }).click();
  // The toast comes with the action's answer, after the revocation committed (the row may change first).
  await expect(page.getByText('Key를 폐기했습니다.')).toBeVisible();
  await expect(page.getByRole('button', { name: `폐기 ••••${key.slice(-4)}` })).toHaveCount(0);
  await expect(page.getByTestId(`api-key-${key.slice(-4)}`)).toContainText('폐기');
  const refused = await signedCreate(request, key, org, {
    categoryId: category.categoryId,
    subject: `${subject} 3`,
    content: '거부',
    endUser: { usercode: 'e2e-user' },
    userFields: [{ code: 'personalAgree', value: true }],
  });
  expect(refused.header).toMatchObject({ resultCode: 400, resultMessage: 'Authorization incorrect' });
  expect(
    (
      await signedCreate(request, key2, org, {
        categoryId: category.categoryId,
        subject: `${subject} 4`,
        content: '새 키',
        endUser: { usercode: 'e2e-user' },
        userFields: [{ code: 'personalAgree', value: true }],
      })
    ).header.resultCode,
  ).toBe(200);

  // The reference page an integrator reads.
  await page.goto('/demo/openapi/docs');
  await expect(page.getByRole('heading', { name: '요청 서명' })).toBeVisible();
  await expect(page.getByText('openssl dgst -sha256 -hmac')).toBeVisible();
});
