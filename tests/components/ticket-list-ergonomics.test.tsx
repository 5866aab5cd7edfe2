/** @jest-environment jsdom */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NextIntlClientProvider } from 'next-intl';
import { BulkBar } from '@/components/tickets/bulk-bar';
import { TicketTable, type TicketRowView } from '@/components/tickets/ticket-table';
import { ToastProvider } from '@/components/ui/toast';
import ko from '@/messages/ko.json';

const bulkProcessAction = jest.fn();
const setListColumnsAction = jest.fn();
const matchingTicketIdsAction = jest.fn();
jest.mock('next/navigation', () => ({ useRouter: () => ({ push: jest.fn(), refresh: jest.fn() }) }));
jest.mock('@/app/[serviceId]/(desk)/tickets/actions', () => ({
  bulkProcessAction: (...a: unknown[]) => bulkProcessAction(...a),
  deleteSpamAction: jest.fn(),
}));
jest.mock('@/app/[serviceId]/(desk)/tickets/list-actions', () => ({
  setListColumnsAction: (...a: unknown[]) => setListColumnsAction(...a),
  matchingTicketIdsAction: (...a: unknown[]) => matchingTicketIdsAction(...a),
}));

const wrap = (ui: React.ReactNode) =>
  render(
    <NextIntlClientProvider locale="ko" messages={ko} timeZone="Asia/Seoul">
      <ToastProvider>{ui}</ToastProvider>
    </NextIntlClientProvider>,
  );

/** A promise the test settles when it wants the "server" to answer. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

beforeEach(() => jest.clearAllMocks());

describe('bulk bar on a long run', () => {
  const ids = Array.from({ length: 60 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);

  it('processes in chunks of 25 and shows the count done as each chunk answers', async () => {
    const answers = [deferred<unknown>(), deferred<unknown>(), deferred<unknown>()];
    bulkProcessAction.mockImplementation((_p: unknown, input: { ticketIds: string[] }) =>
      answers[bulkProcessAction.mock.calls.length - 1].promise.then(() => ({
        ok: true,
        data: { count: input.ticketIds.length },
      })),
    );
    const onDone = jest.fn();
    wrap(
      <BulkBar
        serviceId="svc"
        ids={ids}
        spamBox={false}
        isAdmin={false}
        selectAll={null}
        onClear={null}
        onDone={onDone}
      />,
    );
    await userEvent.type(screen.getByLabelText('답변 / 코멘트'), '확인했습니다');
    await userEvent.click(screen.getByRole('button', { name: '처리하기' }));
    expect(await screen.findByText('처리 중… 0 / 60')).toBeInTheDocument();
    await act(async () => answers[0].resolve(null));
    expect(await screen.findByText('처리 중… 25 / 60')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: '일괄 처리 진행률' })).toHaveAttribute('value', '25');
    await act(async () => answers[1].resolve(null));
    expect(await screen.findByText('처리 중… 50 / 60')).toBeInTheDocument();
    await act(async () => answers[2].resolve(null));
    expect(await screen.findByText('60개 티켓을 처리했습니다.')).toBeInTheDocument();
    expect(
      bulkProcessAction.mock.calls.map(([, input]) => (input as { ticketIds: string[] }).ticketIds.length),
    ).toEqual([25, 25, 10]);
    expect(bulkProcessAction.mock.calls.flatMap(([, input]) => (input as { ticketIds: string[] }).ticketIds)).toEqual(
      ids,
    );
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('stops at a chunk that fails and says how many were done before it', async () => {
    bulkProcessAction
      .mockResolvedValueOnce({ ok: true, data: { count: 25 } })
      .mockResolvedValueOnce({ ok: false, error: '#31 티켓은 이 처리를 할 수 없습니다.' });
    const onDone = jest.fn();
    wrap(
      <BulkBar
        serviceId="svc"
        ids={ids}
        spamBox={false}
        isAdmin={false}
        selectAll={null}
        onClear={null}
        onDone={onDone}
      />,
    );
    await userEvent.type(screen.getByLabelText('답변 / 코멘트'), '확인');
    await userEvent.click(screen.getByRole('button', { name: '처리하기' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '60개 중 25개를 처리한 뒤 멈췄습니다: #31 티켓은 이 처리를 할 수 없습니다.',
    );
    expect(bulkProcessAction).toHaveBeenCalledTimes(2);
    // The selection stays, so the agent reads the message (the list itself refreshed with each chunk).
    expect(onDone).not.toHaveBeenCalled();
  });
});

const row = (n: number): TicketRowView => ({
  id: `id-${n}`,
  number: n,
  subject: `티켓 ${n}`,
  status: 'open',
  priority: 'normal',
  channel: 'email',
  requester: '홍길동',
  intakeType: '배송',
  assignee: '',
  group: '',
  starred: false,
  createdAt: '2026-03-01T00:00:00Z',
});

describe('ticket table columns and selection beyond the page', () => {
  it('hides a column at once and stores the new choice for the agent', async () => {
    setListColumnsAction.mockResolvedValue({ ok: true, data: { columns: ['status'] } });
    wrap(
      <TicketTable
        serviceId="svc"
        rows={[row(1)]}
        spamBox={false}
        isAdmin={false}
        columns={['requester', 'status']}
        query="menu=all"
        total={1}
      />,
    );
    expect(screen.getByRole('columnheader', { name: '고객' })).toBeInTheDocument();
    await userEvent.click(screen.getByText('표시 항목', { selector: 'summary' }));
    await userEvent.click(
      within(screen.getByRole('group', { name: '표시 항목' })).getByRole('checkbox', { name: '고객' }),
    );
    expect(screen.queryByRole('columnheader', { name: '고객' })).not.toBeInTheDocument();
    expect(screen.queryByText('홍길동')).not.toBeInTheDocument();
    expect(setListColumnsAction).toHaveBeenCalledWith(null, { serviceId: 'svc', columns: ['status'] });
  });

  it('offers every ticket of the filter once the whole page is checked, and runs over those ids', async () => {
    const all = Array.from({ length: 120 }, (_, i) => `id-all-${i}`);
    matchingTicketIdsAction.mockResolvedValue({ ok: true, data: { ids: all, more: false } });
    wrap(
      <TicketTable
        serviceId="svc"
        rows={[row(1), row(2)]}
        spamBox={false}
        isAdmin={false}
        columns={['status']}
        query="menu=all&priority=high"
        total={120}
      />,
    );
    await userEvent.click(screen.getByRole('checkbox', { name: '이 페이지의 티켓 모두 선택' }));
    await userEvent.click(screen.getByRole('button', { name: '이 조건의 티켓 120개 모두 선택' }));
    expect(await screen.findByText('120개 티켓 선택됨')).toBeInTheDocument();
    expect(matchingTicketIdsAction).toHaveBeenCalledWith(null, { serviceId: 'svc', query: 'menu=all&priority=high' });
  });
});
