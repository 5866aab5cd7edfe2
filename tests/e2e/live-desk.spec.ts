import { expect, test } from './fixtures';
import { E2E_AGENT_PASSWORD } from '../../playwright.config';
import { addIntakeType, createTicketAsAgent, logIn } from './helpers';

test('two agents: the viewing notice, a draft that survives a reload, Ctrl+Enter sends, and the other list updates without a reload', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const suffix = Date.now().toString(36);
  const type = `실시간${suffix}`;
  const subject = `환불 요청 ${suffix}`;
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  let number = '';

  await test.step('agent B (관리자) adds an intake type; agent A records a ticket', async () => {
    await logIn(b, 'minji', E2E_AGENT_PASSWORD);
    await addIntakeType(b, type);
    await logIn(a, 'junho', E2E_AGENT_PASSWORD);
    number = await createTicketAsAgent(a, {
      type,
      subject,
      content: '카드 결제를 취소하고 환불 받고 싶어요.',
      email: `live${suffix}@example.com`,
    });
  });

  await test.step('A sees that B is viewing the ticket', async () => {
    await b.goto(`/demo/tickets/${number}`);
    await expect(b.getByRole('heading', { name: subject })).toBeVisible();
    await expect(a.getByTestId('ticket-presence')).toContainText('님이 이 티켓을 보고 있습니다.');
  });

  await test.step('B watches 전체 미할당 티켓 filtered to the ticket', async () => {
    await b.goto(`/demo/tickets?menu=unassigned&q=${suffix}`);
    await expect(b.getByRole('link', { name: subject })).toBeVisible();
    // Inside the page's main region: a streamed copy of the header may still sit in React's hidden buffer.
    await expect(b.locator('#main').getByText('검색 결과 1건')).toBeVisible();
  });

  // Inside the page's main region: a live refresh during a page load can leave a streamed copy of
  // the page in React's hidden buffer, which strict mode would count twice.
  const reply = () => a.locator('#main').getByRole('textbox', { name: '답변 내용' });
  await test.step('A’s draft is saved on the server and restored after a reload', async () => {
    await reply().fill('환불은 3영업일 안에 처리됩니다.');
    await expect(a.locator('#main').getByTestId('draft-state')).toHaveText('임시 저장됨');
    a.on('dialog', (d) => void d.accept());
    await a.reload();
    await expect(a.locator('#main').getByTestId('draft-restored')).toContainText('저장해 둔 임시 답변을 불러왔습니다.');
    await expect(reply()).toHaveText('환불은 3영업일 안에 처리됩니다.');
  });

  await test.step('a reload right after typing, before the autosave, keeps the new text too', async () => {
    await reply().fill('환불은 3영업일 안에 처리됩니다. 카드사 사정에 따라 달라질 수 있습니다.');
    await a.reload();
    await expect(reply()).toHaveText('환불은 3영업일 안에 처리됩니다. 카드사 사정에 따라 달라질 수 있습니다.');
    await expect(a.locator('#main').getByTestId('draft-restored')).toBeVisible();
  });

  await test.step('Ctrl+Enter solves it; B’s list and count change without a reload', async () => {
    await reply().press('Control+Enter');
    await expect(a.getByText('처리했고 고객에게 메일을 보냈습니다.')).toBeVisible();
    await expect(b.getByRole('link', { name: subject })).toHaveCount(0, { timeout: 5000 });
    await expect(b.locator('#main').getByText('검색 결과 0건')).toBeVisible();
  });
});
