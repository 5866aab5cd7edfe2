import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';
import { E2E_ADMIN, E2E_AGENT_PASSWORD } from '../../playwright.config';
import { createTicketAsAgent, logIn, logOut } from './helpers';

test('an admin builds a round-robin + Dooray trigger, puts it first, and a new inquiry is assigned, recorded and delivered', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const suffix = Date.now().toString(36);
  const type = `결제${suffix}`;
  const first = `결제 배정 ${suffix}`;
  const other = `기타 ${suffix}`;
  const subject = `카드 결제 오류 ${suffix}`;

  // A local HTTP server stands in for Dooray's incoming hook.
  const posts: { text: string; botName: string }[] = [];
  const dooray = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      posts.push(JSON.parse(body));
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end('{"header":{"resultCode":0,"resultMessage":"","isSuccessful":true}}');
    });
  });
  await new Promise<void>((r) => dooray.listen(0, '127.0.0.1', r));
  const hook = `http://127.0.0.1:${(dooray.address() as AddressInfo).port}/services/1/2/token`;

  try {
    await logIn(page, E2E_ADMIN.login, E2E_ADMIN.password);

    await test.step('an intake type 결제… exists', async () => {
      await page.goto('/demo/settings/categories');
      await page.getByRole('button', { name: '1뎁스 카테고리 추가' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('카테고리명 (ko)').fill(type);
      await dialog.getByRole('button', { name: '추가' }).click();
      await expect(page.getByTestId(`category-row-${type}`)).toBeVisible();
    });

    await test.step('another trigger is already active', async () => {
      await page.goto('/demo/settings/triggers');
      await page.getByRole('link', { name: '트리거 추가' }).click();
      await page.getByRole('textbox', { name: '제목', exact: true }).fill(other);
      await page.getByLabel('조건 1의 대상').selectOption('subject');
      await page.getByLabel('조건 1의 조건', { exact: true }).selectOption('contains');
      await page.getByLabel('조건 1의 조건 값').fill(`없는제목${suffix}`);
      await page.getByLabel('결과 1의 대상').selectOption('set_group');
      await page.getByLabel('결과 1의 그룹').selectOption({ label: '배송' });
      await page.getByRole('button', { name: '저장' }).click();
      await expect(page.getByTestId(`trigger-${other}`)).toBeVisible();
    });

    await test.step('the admin builds "intake type within 결제 → 결제 group round-robin + Dooray alert"', async () => {
      await page.getByRole('link', { name: '트리거 추가' }).click();
      await page.getByRole('textbox', { name: '제목', exact: true }).fill(first);
      await page.getByLabel('조건 1의 대상').selectOption('intakeType');
      await page.getByLabel('조건 1의 조건', { exact: true }).selectOption('is_within');
      await page.getByLabel('조건 1의 조건 값').selectOption({ label: type });
      await page.getByLabel('결과 1의 그룹').selectOption({ label: '결제' });
      await page.getByLabel('결과 1의 배분 방식').selectOption('round_robin');
      await page.getByRole('button', { name: '결과 추가' }).click();
      await page.getByLabel('결과 2의 대상').selectOption('dooray');
      await page.getByLabel('결과 2의 Dooray 훅 URL').fill(hook);
      await page.getByRole('button', { name: '템플릿 설정' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('봇 이름').fill('접수봇');
      await dialog.getByLabel('메시지').fill('새 결제 문의: ');
      await dialog.getByRole('button', { name: '치환코드 subject 넣기' }).click();
      await expect(dialog.getByLabel('메시지')).toHaveValue('새 결제 문의: #{subject}');
      await dialog.getByRole('button', { name: '적용' }).click();
      await page.getByRole('button', { name: '저장' }).click();
      await expect(page.getByTestId(`trigger-${first}`)).toBeVisible();
    });

    await test.step('and moves it above the other one with the keyboard', async () => {
      const active = page.getByTestId('active-triggers');
      const titles = () => active.locator('li p.font-medium').allTextContents();
      expect((await titles()).filter((x) => x.includes(suffix))).toEqual([other, first]);
      const handle = page.getByRole('button', { name: `${first} 순서 변경` });
      await handle.focus();
      await page.keyboard.press('Space');
      // dnd-kit marks the handle while it is lifted; move only once the drag has started.
      await expect(handle).toHaveAttribute('aria-pressed', 'true');
      await page.keyboard.press('ArrowUp');
      await page.waitForTimeout(150);
      await page.keyboard.press('Space');
      await expect(page.getByText('실행 순서를 저장했습니다.')).toBeVisible();
      await page.reload();
      await expect.poll(async () => (await titles()).filter((x) => x.includes(suffix))).toEqual([first, other]);
    });
    await logOut(page);

    let number = '';
    await test.step('an inquiry of that type comes in (티켓 생성: the help center form is not on main yet)', async () => {
      await logIn(page, 'seoyeon', E2E_AGENT_PASSWORD);
      number = await createTicketAsAgent(page, {
        type,
        subject,
        content: '카드 결제가 계속 실패합니다.',
        email: `cust${suffix}@example.com`,
      });
      await logOut(page);
    });

    await test.step('the admin sees the assignment and the trigger in the history', async () => {
      await logIn(page, E2E_ADMIN.login, E2E_ADMIN.password);
      await page.goto(`/demo/tickets/${number}`);
      await page.getByRole('tab', { name: '히스토리' }).click();
      const history = page.locator('li[data-action]');
      await expect(
        history.filter({ hasText: `트리거 「${first}」` }).filter({ hasText: /담당자: \(없음\) → (김민지|이준호)/ }),
      ).toBeVisible();
      await expect(
        history
          .filter({ hasText: `트리거 「${first}」` })
          .filter({ hasText: '그룹' })
          .first(),
      ).toBeVisible();
      await expect(page.locator('li[data-action="trigger_pass"]').first()).toBeVisible();
    });

    await test.step('the Dooray stand-in got the alert, and the delivery log shows it', async () => {
      await expect
        .poll(() => posts.find((p) => p.text.includes(subject)), { timeout: 30_000 })
        .toMatchObject({ botName: '접수봇', text: `새 결제 문의: ${subject}` });
      await page.goto('/demo/settings/triggers');
      await page.getByTestId(`trigger-${first}`).getByRole('link', { name: '발송 기록' }).click();
      await expect(page.getByTestId('delivery-dooray').first()).toContainText('성공');
      await expect(page.getByTestId('delivery-dooray').first()).toContainText('127.0.0.1');
    });

    await test.step('clean up: both triggers are deactivated so other specs are not affected', async () => {
      await page.goto('/demo/settings/triggers');
      for (const title of [first, other]) {
        await page.getByRole('button', { name: `${title} 비활성화` }).click();
        await expect(page.getByTestId('inactive-triggers').getByTestId(`trigger-${title}`)).toBeVisible();
      }
    });
  } finally {
    await new Promise<void>((r) => dooray.close(() => r()));
  }
});
