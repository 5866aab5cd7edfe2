/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { ToastProvider } from '@/components/ui/toast';
import ko from '@/messages/ko.json';

const setActive = jest.fn();
const refresh = jest.fn();
jest.mock('@/app/admin/members/actions', () => ({
  setMemberActiveAction: (...a: unknown[]) => setActive(...a),
  resendInviteAction: jest.fn(),
  unlockMemberAction: jest.fn(),
}));
jest.mock('next/navigation', () => ({ useRouter: () => ({ refresh }) }));

// Imported after the mocks: the row's server actions are stand-ins here.
type Module = typeof import('@/components/admin/member-row-actions');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { MemberRowActions } = require('@/components/admin/member-row-actions') as Module;

const member = { id: 'm1', name: '김상담', loginId: 'kim', status: 'active' as const };
const show = () =>
  render(
    <NextIntlClientProvider locale="ko" messages={ko}>
      <ToastProvider>
        <MemberRowActions member={member} isSelf={false} />
      </ToastProvider>
    </NextIntlClientProvider>,
  );

describe('a confirmed action (useConfirmedAction)', () => {
  beforeEach(() => {
    setActive.mockReset();
    refresh.mockReset();
  });

  it('asks first, then runs, closes the dialog, says it is done and refreshes', async () => {
    setActive.mockResolvedValue({ ok: true, data: {} });
    show();
    fireEvent.click(screen.getByRole('button', { name: ko.admin.members.deactivate }));
    expect(setActive).not.toHaveBeenCalled();
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent('김상담(kim)');
    fireEvent.click(within(dialog).getByRole('button', { name: ko.admin.members.deactivate }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(setActive).toHaveBeenCalledWith(null, { memberId: 'm1', active: false });
    expect(await screen.findByText(ko.admin.members.deactivated)).toBeInTheDocument();
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('shows the refusal and does not refresh', async () => {
    setActive.mockResolvedValue({ ok: false, error: '권한이 없습니다.' });
    show();
    fireEvent.click(screen.getByRole('button', { name: ko.admin.members.deactivate }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: ko.admin.members.deactivate }));
    expect(await screen.findByText('권한이 없습니다.')).toBeInTheDocument();
    expect(refresh).not.toHaveBeenCalled();
  });
});
