/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NextIntlClientProvider } from 'next-intl';
import { ResultRow } from '@/components/triggers/result-row';
import type { ResultDraft } from '@/components/triggers/types';
import type { EditorOptions } from '@/lib/triggers/editor-types';
import ko from '@/messages/ko.json';

jest.mock('@/app/[serviceId]/(desk)/settings/triggers/actions', () => ({ testCallbackAction: jest.fn() }));

const options = {
  serviceId: 's',
  languages: ['ko'],
  editorHtml: true,
  fieldTargets: [],
  operatorsByType: {},
  intakeTypes: [],
  processingTypes: [],
  codes: { basic: [], customer: [] },
  agents: [
    { value: 'a', label: '김가' },
    { value: 'b', label: '이나' },
    { value: 'c', label: '박다' },
    { value: 'x', label: '최떠남' },
  ],
  groups: [{ value: 'g', label: '결제팀', agentIds: ['a', 'b', 'c'] }],
} as unknown as EditorOptions;

describe('티켓 할당 result: 선택한 상담원 중', () => {
  it('lets the admin choose agents of the group in its order, and notes a chosen agent who left the group', async () => {
    const onChange = jest.fn();
    const row: ResultDraft = {
      type: 'assign',
      groupId: 'g',
      method: 'round_robin',
      agentId: null,
      agentIds: ['x', 'c'],
    };
    render(
      <NextIntlClientProvider locale="ko" messages={ko}>
        <ResultRow index={0} row={row} options={options} onChange={onChange} onRemove={() => {}} />
      </NextIntlClientProvider>,
    );
    expect(screen.getByRole('note')).toHaveTextContent('그룹에서 빠진 상담원 1명(최떠남)은 할당 대상에서 제외됩니다.');
    expect((screen.getByLabelText('1번 결과: 박다 포함') as HTMLInputElement).checked).toBe(true);
    await userEvent.click(screen.getByLabelText('1번 결과: 김가 포함'));
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ agentIds: ['a', 'c'] }));
  });

  it('offers one agent of the group for 지정 상담원, and any agent of the service for a mail to an agent', async () => {
    const onChange = jest.fn();
    const view = (row: ResultDraft) => (
      <NextIntlClientProvider locale="ko" messages={ko}>
        <ResultRow index={0} row={row} options={options} onChange={onChange} onRemove={() => {}} />
      </NextIntlClientProvider>
    );
    const { rerender } = render(view({ type: 'assign', groupId: 'g', method: 'agent', agentId: null, agentIds: null }));
    const names = () =>
      Array.from((screen.getByLabelText('결과 1의 상담원', { selector: 'select' }) as HTMLSelectElement).options).map(
        (o) => o.text,
      );
    expect(names().slice(1)).toEqual(['김가', '이나', '박다']);
    await userEvent.selectOptions(screen.getByLabelText('결과 1의 상담원', { selector: 'select' }), 'b');
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ agentId: 'b' }));
    rerender(view({ type: 'notify_mail', to: 'agent', agentId: null, messages: {} }));
    expect(names().slice(1)).toEqual(['김가', '이나', '박다', '최떠남']);
  });
});
