/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NextIntlClientProvider } from 'next-intl';
import { TicketTable, type TicketRowView } from '@/components/tickets/ticket-table';
import ko from '@/messages/ko.json';

const push = jest.fn();
jest.mock('next/navigation', () => ({ useRouter: () => ({ push, refresh: jest.fn() }) }));
jest.mock('@/app/[serviceId]/(desk)/tickets/actions', () => ({}));
jest.mock('@/app/[serviceId]/(desk)/tickets/list-actions', () => ({}));

const row = (n: number): TicketRowView => ({
  id: `id-${n}`,
  number: n,
  subject: `티켓 ${n}`,
  status: 'open',
  priority: 'normal',
  channel: 'email',
  requester: '홍길동',
  intakeType: '',
  assignee: '',
  group: '',
  starred: false,
  createdAt: '2026-03-01T00:00:00Z',
});

beforeAll(() => {
  Element.prototype.scrollIntoView = jest.fn(); // jsdom has no layout
});

describe('ticket list keyboard', () => {
  it('moves with j/k, selects with x, opens with Enter and shows the keys with ?', async () => {
    const user = userEvent.setup();
    render(
      <NextIntlClientProvider locale="ko" messages={ko} timeZone="Asia/Seoul">
        <TicketTable
          serviceId="svc"
          rows={[row(11), row(12), row(13)]}
          spamBox={false}
          isAdmin={false}
          columns={['requester', 'status']}
          query="menu=all"
          total={3}
        />
      </NextIntlClientProvider>,
    );
    await user.keyboard('jjk');
    expect(document.querySelector('[aria-current="true"]')).toHaveAttribute('data-row-index', '0');
    await user.keyboard('jx');
    expect(screen.getByRole('checkbox', { name: /12/ })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: /11/ })).not.toBeChecked();
    await user.keyboard('{Enter}');
    expect(push).toHaveBeenCalledWith('/svc/tickets/12');
    await user.keyboard('?');
    expect(await screen.findByRole('dialog', { name: '키보드 단축키' })).toBeInTheDocument();
  });
});
