/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NextIntlClientProvider } from 'next-intl';
import { CodePicker } from '@/components/triggers/code-picker';
import { ResultRow } from '@/components/triggers/result-row';
import type { EditorOptions } from '@/lib/triggers/editor-types';
import ko from '@/messages/ko.json';

const testCallback = jest.fn();
jest.mock('@/app/[serviceId]/(desk)/settings/triggers/actions', () => ({
  testCallbackAction: (...a: unknown[]) => testCallback(...a),
}));

const codes = {
  basic: [
    { value: 'ticketNo', label: '티켓 번호' },
    { value: 'content', label: '답변 내용', replyOnly: true },
    { value: 'inquiry', label: '문의 내용' },
  ],
  customer: [{ value: 'name', label: '이름' }],
};
const wrap = (ui: React.ReactNode) =>
  render(
    <NextIntlClientProvider locale="ko" messages={ko}>
      {ui}
    </NextIntlClientProvider>,
  );

describe('trigger editor', () => {
  it('offers #{content} only where the trigger fires on replies, and says why it is missing otherwise', () => {
    const { rerender } = wrap(<CodePicker codes={codes} onInsert={() => {}} />);
    expect(screen.queryByText('#{content}')).toBeNull();
    expect(screen.getByText('#{inquiry}')).toBeInTheDocument();
    expect(screen.getByTestId('reply-only-note')).toBeInTheDocument();
    rerender(
      <NextIntlClientProvider locale="ko" messages={ko}>
        <CodePicker codes={codes} reply onInsert={() => {}} />
      </NextIntlClientProvider>,
    );
    expect(screen.getByText('#{content}')).toBeInTheDocument();
    expect(screen.queryByTestId('reply-only-note')).toBeNull();
  });

  it('shows the callback 테스트 refusal reason from the server, not only "입력한 내용을 확인하세요"', async () => {
    testCallback.mockResolvedValue({
      ok: false,
      error: '입력한 내용을 확인하세요.',
      fieldErrors: { url: ['내부망·루프백 주소로는 보낼 수 없습니다.'] },
    });
    const options = {
      serviceId: 's',
      languages: ['ko'],
      editorHtml: true,
      fieldTargets: [],
      operatorsByType: {},
      agents: [],
      groups: [],
      intakeTypes: [],
      processingTypes: [],
      codes,
    } as unknown as EditorOptions;
    wrap(
      <ResultRow
        index={0}
        row={{ type: 'callback', url: 'https://10.0.0.1/hook' }}
        options={options}
        onChange={() => {}}
        onRemove={() => {}}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: ko.triggers.callback.test }));
    expect(
      within(await screen.findByTestId('callback-test-result')).getByText('내부망·루프백 주소로는 보낼 수 없습니다.'),
    ).toBeInTheDocument();
  });
  it('tests a kept (sealed) callback without re-typing: it sends the trigger and fingerprint, never a URL', async () => {
    testCallback
      .mockReset()
      .mockResolvedValue({ ok: true, data: { status: 200, body: '', error: null, latencyMs: 3 } });
    const options = { serviceId: 's', agents: [], groups: [], intakeTypes: [], codes } as unknown as EditorOptions;
    const row = { type: 'callback', urlSealed: 'sealed', urlHint: 'https://cb.example/…abcd', urlKey: 'h1:k' };
    wrap(<ResultRow index={0} row={row} options={options} triggerId="t1" onChange={() => {}} onRemove={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: ko.triggers.callback.test }));
    expect(testCallback).toHaveBeenCalledWith(null, { serviceId: 's', url: '', triggerId: 't1', urlKey: 'h1:k' });
    expect(await screen.findByTestId('callback-test-result')).toBeInTheDocument();
  });
});
