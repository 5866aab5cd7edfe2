import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { E2E_ADMIN, E2E_AGENT_PASSWORD } from '../../playwright.config';
import { doorayHook, startDoorayMock, type DoorayMock } from '../helpers/dooray-server';
import { startSmsMock, type SmsMock } from '../helpers/sms-server';
import { createTicketAsAgent, logIn, logOut } from './helpers';

let dooray: DoorayMock;
let sms: SmsMock;
test.beforeAll(async () => {
  dooray = await startDoorayMock();
  sms = await startSmsMock();
  sms.senders = [{ sendNo: '15446859', useYn: 'Y', blockYn: 'N' }];
});
test.afterAll(async () => {
  await dooray?.close();
  await sms?.close();
});

const reloadTab = async (page: Page, tab: string) => {
  await page.reload();
  await page.getByRole('tab', { name: tab }).click();
};

test('an admin connects Dooray and SMS; an agent transfers a ticket, follows Dooray working → comment → closed, and sends an LMS', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const suffix = Date.now().toString(36);
  const type = `이관${suffix}`;
  const subject = `환불 지연 ${suffix}`;
  const projectId = String(Date.now());
  dooray.members.set('1000000000000000101', 'junho@example.com');
  dooray.projects.set(projectId, { org: dooray.orgId, members: ['1000000000000000101'] });
  let hookPath = '';

  await test.step('the org admin turns SMS on for the demo service', async () => {
    await logIn(page, E2E_ADMIN.login, E2E_ADMIN.password);
    await page.goto('/admin/services/demo');
    await page.getByLabel('SMS 발송 사용').check();
    await page.getByRole('button', { name: '저장' }).click();
    await expect(async () => {
      await page.reload();
      await expect(page.getByLabel('SMS 발송 사용')).toBeChecked({ timeout: 1000 });
    }).toPass();
  });

  await test.step('an intake type exists', async () => {
    await page.goto('/demo/settings/categories');
    await page.getByRole('button', { name: '1뎁스 카테고리 추가' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('카테고리명 (ko)').fill(type);
    await dialog.getByRole('button', { name: '추가' }).click();
    await expect(page.getByTestId(`category-row-${type}`)).toBeVisible();
  });

  await test.step('외부채널 → SMS: a wrong key is refused with the provider message, the right one lists the sender numbers', async () => {
    await page.goto('/demo/settings/channels');
    const form = page.getByRole('form', { name: 'SMS' });
    await form.getByLabel('API 주소').fill(sms.url);
    await form.getByLabel('APP KEY').fill('WrongKey');
    await form.getByLabel('시크릿 키').fill(sms.secretKey);
    await form.getByRole('button', { name: '저장' }).click();
    await expect(form.getByText('Invalid appKey.')).toBeVisible();
    await form.getByLabel('APP KEY').fill(sms.appKey);
    await form.getByRole('button', { name: '저장' }).click();
    const senders = page.getByRole('form', { name: '발신번호' });
    await senders.getByLabel('15446859').check();
    await senders.getByRole('button', { name: '발신번호 저장' }).click();
    await expect(page.getByText('발신번호를 저장했습니다.')).toBeVisible();
  });

  await test.step('외부채널 → Dooray: enable, register the organization and a project', async () => {
    await page.getByRole('switch', { name: '이관 활성화' }).click();
    await expect(page.getByRole('switch', { name: '이관 활성화' })).toHaveAttribute('aria-checked', 'true');
    const org = page.getByRole('form', { name: '조직 등록' });
    await org.getByLabel('조직명').fill('NHN');
    await org.getByLabel('조직ID').fill(dooray.orgId);
    await org.getByLabel('테넌트 토큰').fill(dooray.token);
    await org.getByLabel('API 주소').fill(dooray.url);
    await org.getByRole('button', { name: '조직 등록' }).click();
    await expect(page.getByText(/유저키를 발급했습니다/)).toBeVisible();
    await page.getByRole('button', { name: 'Dooray Project 등록' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('프로젝트 명').fill('CS 이관');
    await dialog.getByLabel('프로젝트 주소').fill(`https://nhn.dooray.com/project/${projectId}`);
    await dialog.getByLabel('프로젝트 아이디').fill(projectId);
    await dialog.getByLabel('대표 등록자').selectOption({ index: 1 });
    await dialog.getByRole('button', { name: 'Dooray Project 등록' }).click();
    await expect(page.getByTestId(`dooray-project-${projectId}`)).toBeVisible();
    // Masked (it carries the token) until 보기.
    await expect(page.getByTestId('dooray-hook-url')).toHaveValue(/token=••••/);
    await page.getByRole('button', { name: '보기', exact: true }).click();
    await expect(page.getByTestId('dooray-hook-url')).not.toHaveValue(/••••/);
    const url = new URL(await page.getByTestId('dooray-hook-url').inputValue());
    hookPath = url.pathname + url.search;
    expect(url.pathname).toBe('/demo/api/v2/dooray/hook');
    await logOut(page);
  });

  await test.step('an agent with a user key transfers a ticket to Dooray in their own name', async () => {
    await logIn(page, 'junho', E2E_AGENT_PASSWORD);
    await createTicketAsAgent(page, {
      type,
      subject,
      content: '카드 환불이 2주째 안 됩니다.',
      email: `dooray${suffix}@example.com`,
    });
    await page.getByRole('button', { name: 'Dooray 이관' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByLabel('제목')).toHaveValue('[#{ticketNo}] #{subject}');
    await dialog.getByRole('button', { name: 'Dooray 이관' }).click();
    await expect(page.getByText('Dooray 이관 완료').first()).toBeVisible();
    await expect.poll(() => dooray.posts.length, { timeout: 30_000 }).toBe(1);
    expect(dooray.posts[0].body).toMatchObject({
      subject: expect.stringContaining(subject),
      users: { from: { member: { organizationMemberId: '1000000000000000101' } } },
    });
    await expect(async () => {
      await reloadTab(page, 'Dooray 대화 내역');
      await expect(page.getByText('상담원 본인 이름으로 생성')).toBeVisible({ timeout: 1000 });
    }).toPass();
    await expect(page.getByRole('link', { name: 'Dooray 업무 열기' })).toHaveAttribute(
      'href',
      `https://nhn.dooray.com/project/tasks/${dooray.posts[0].id}`,
    );
  });

  const ids = () => ({ orgId: dooray.orgId, projectId, postId: dooray.posts[0].id });
  await test.step('Dooray moves the task to working: the ticket shows Dooray 진행중', async () => {
    expect(
      (
        await page.request.post(hookPath, {
          data: doorayHook('observed', 'postWorkflowChanged', ids(), { workflowClass: 'working' }),
        })
      ).status(),
    ).toBe(200);
    await reloadTab(page, 'Dooray 대화 내역');
    await expect(page.getByText('Dooray 진행중').first()).toBeVisible();
    await expect(page.getByText('Dooray 업무 상태: 진행 중')).toBeVisible();
  });

  await test.step('a Dooray comment appears in the Dooray tab, and the agent answers with a Dooray 코멘트', async () => {
    await page.request.post(hookPath, {
      data: doorayHook('documented', 'postCommentCreated', ids(), {
        commentId: 'c-e2e-1',
        text: '카드사에 확인 중입니다.',
        author: '박두레이',
      }),
    });
    await reloadTab(page, 'Dooray 대화 내역');
    await expect(page.getByText('카드사에 확인 중입니다.')).toBeVisible();
    await expect(page.getByText('Dooray · 박두레이')).toBeVisible();
    await page.getByRole('button', { name: 'Dooray 코멘트' }).click();
    await page.getByRole('dialog').getByLabel('코멘트').fill('고객이 재문의했습니다.');
    await page.getByRole('dialog').getByRole('button', { name: 'Dooray 코멘트' }).click();
    await expect.poll(() => dooray.comments.length, { timeout: 30_000 }).toBe(1);
    expect(dooray.comments[0].body).toMatchObject({ body: { content: '고객이 재문의했습니다.' } });
  });

  await test.step('Dooray closes the task: Dooray 답변 완료, comments are blocked and a new transfer is offered', async () => {
    await page.request.post(hookPath, {
      data: doorayHook('observed', 'postWorkflowChanged', ids(), { workflowClass: 'closed' }),
    });
    await reloadTab(page, 'Dooray 대화 내역');
    await expect(page.getByText('Dooray 답변 완료').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Dooray 코멘트' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Dooray 이관' })).toBeVisible();
  });

  await test.step('the agent sends an LMS and sees it, with its request id, in the history', async () => {
    await page.getByRole('button', { name: 'SMS 발송' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('직접 입력').check();
    await dialog.getByPlaceholder('010-0000-0000').fill('010-9876-5432');
    await dialog
      .getByLabel('내용')
      .fill(
        '안녕하세요 고객님, 문의하신 카드 환불 건은 카드사 확인 후 영업일 기준 3일 안에 처리될 예정입니다. 감사합니다.',
      );
    await expect(dialog.getByTestId('sms-counter')).toContainText('LMS');
    await dialog.getByLabel('제목 (LMS)').fill('환불 안내');
    await dialog.getByRole('button', { name: 'SMS 발송' }).click();
    await expect.poll(() => sms.sent.length, { timeout: 30_000 }).toBe(1);
    expect(sms.sent[0]).toMatchObject({
      kind: 'mms',
      body: { title: '환불 안내', recipientList: [{ recipientNo: '01098765432' }] },
    });
    const row = page.getByTestId('sms-row');
    await expect(async () => {
      await reloadTab(page, '히스토리');
      await expect(row).toHaveAttribute('data-state', 'sent', { timeout: 1000 });
    }).toPass();
    await expect(row.getByTestId('sms-request-id')).toContainText(sms.sent[0].requestId);
  });
});
