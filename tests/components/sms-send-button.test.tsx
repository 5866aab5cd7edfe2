/** @jest-environment jsdom */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { ToastProvider } from '@/components/ui/toast';
import ko from '@/messages/ko.json';

const send = jest.fn();
jest.mock('@/app/[serviceId]/(desk)/tickets/sms-actions', () => ({
  sendTicketSmsAction: (...a: unknown[]) => send(...a),
}));
jest.mock('@/components/templates/template-picker', () => ({ TemplatePicker: () => null }));
jest.mock('next/navigation', () => ({ useRouter: () => ({ refresh: jest.fn() }) }));

// Imported after the mocks: the dialog's server action and picker are stand-ins here.
type SmsSendButtonModule = typeof import('@/components/channels/sms-send-button');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SmsSendButton } = require('@/components/channels/sms-send-button') as SmsSendButtonModule;

function open() {
  render(
    <NextIntlClientProvider locale="ko" messages={ko}>
      <ToastProvider>
        <SmsSendButton
          serviceId="demo"
          ticketId="00000000-0000-4000-8000-000000000001"
          senders={['15446859']}
          requesterPhone="010-1234-5678"
          codes={['subject', 'ticketNo']}
        />
      </ToastProvider>
    </NextIntlClientProvider>,
  );
  fireEvent.click(screen.getByRole('button', { name: 'SMS 발송' }));
  return screen.getByRole('dialog');
}

describe('SMS send dialog', () => {
  beforeEach(() => send.mockReset());

  it('counts bytes as the provider does and switches to LMS (with a title) past 90 bytes', () => {
    const dialog = open();
    const body = within(dialog).getByLabelText('내용');
    fireEvent.change(body, { target: { value: '가'.repeat(45) } });
    expect(within(dialog).getByTestId('sms-counter')).toHaveTextContent('90 / 90 byte · SMS');
    expect(within(dialog).queryByLabelText('제목 (LMS)')).toBeNull();
    fireEvent.change(body, { target: { value: `${'가'.repeat(45)}a` } });
    expect(within(dialog).getByTestId('sms-counter')).toHaveTextContent('91 / 2000 byte · LMS');
    expect(within(dialog).getByLabelText('제목 (LMS)')).toBeInTheDocument();
  });

  it('names an emoji it cannot send and keeps the send button off', () => {
    const dialog = open();
    fireEvent.change(within(dialog).getByLabelText('내용'), { target: { value: '감사합니다 😀' } });
    expect(within(dialog).getByTestId('sms-counter')).toHaveTextContent('보낼 수 없는 문자: 😀');
    expect(within(dialog).getByRole('button', { name: 'SMS 발송' })).toBeDisabled();
  });

  it('sends a retry of the same message with the same click key, so the server sends it once', async () => {
    send
      .mockResolvedValueOnce({ ok: false, error: '잠시 후 다시 시도하세요.' })
      .mockResolvedValueOnce({ ok: true, data: { id: 'x', type: 'sms', repeated: false } });
    const dialog = open();
    fireEvent.change(within(dialog).getByLabelText('내용'), { target: { value: '안내드립니다' } });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'SMS 발송' })));
    expect(await within(dialog).findByText('잠시 후 다시 시도하세요.')).toBeInTheDocument();
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'SMS 발송' })));
    expect(send).toHaveBeenCalledTimes(2);
    const keys = send.mock.calls.map((c) => (c[1] as { clickKey: string }).clickKey);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(send.mock.calls[0][1]).toMatchObject({ to: 'requester', senderNo: '15446859', body: '안내드립니다' });
  });
});
