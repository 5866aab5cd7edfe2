/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NextIntlClientProvider } from 'next-intl';
import { useState } from 'react';
import { ConditionRow } from '@/components/triggers/condition-row';
import type { ConditionDraft } from '@/components/triggers/types';
import type { EditorOptions } from '@/lib/triggers/editor-types';
import { OPERATORS_BY_TYPE } from '@/lib/triggers/operators';
import ko from '@/messages/ko.json';

const options: EditorOptions = {
  serviceId: 's',
  languages: ['ko', 'en'],
  editorHtml: true,
  fieldTargets: [{ id: 'field:vip', label: 'VIP (vip)', type: 'enum', values: [{ value: 'gold', label: '골드' }] }],
  operatorsByType: OPERATORS_BY_TYPE,
  agents: [{ value: 'a1', label: '이준호 (junho)' }],
  groups: [{ value: 'g1', label: '결제', agentIds: ['a1'] }],
  intakeTypes: [
    { value: 'c1', label: '결제' },
    { value: 'c2', label: '　카드' },
  ],
  processingTypes: [],
  codes: { basic: [], customer: [] },
};

let last: ConditionDraft | null = null;
function Harness() {
  const [row, setRow] = useState<ConditionDraft>({ mode: 'all', target: 'event', operator: 'is', value: 'created' });
  const change = (r: ConditionDraft) => {
    last = r;
    setRow(r);
  };
  return <ConditionRow index={0} row={row} options={options} onChange={change} onRemove={() => {}} />;
}

function setup() {
  render(
    <NextIntlClientProvider locale="ko" messages={ko}>
      <Harness />
    </NextIntlClientProvider>,
  );
}

describe('condition row', () => {
  it('offers only the operators of the target’s type and a picker that fits them', async () => {
    setup();
    const operators = () =>
      Array.from((screen.getByLabelText('조건 1의 조건') as HTMLSelectElement).options).map((o) => o.value);
    expect(operators()).toEqual(['is', 'is_not', 'is_any_of', 'is_none_of']);

    await userEvent.selectOptions(screen.getByLabelText('조건 1의 대상'), 'intakeType');
    expect(operators()).toContain('is_within');
    await userEvent.selectOptions(screen.getByLabelText('조건 1의 조건'), 'is_within');
    await userEvent.selectOptions(screen.getByLabelText('조건 1의 조건 값'), 'c2');
    expect(last).toEqual({ mode: 'all', target: 'intakeType', operator: 'is_within', value: 'c2' });

    await userEvent.selectOptions(screen.getByLabelText('조건 1의 대상'), 'subject');
    expect(operators()).not.toContain('is_within');
    expect(operators()).toContain('contains');
    await userEvent.type(screen.getByLabelText('조건 1의 조건 값'), '환불');
    expect(last).toMatchObject({ target: 'subject', operator: 'contains', value: '환불' });

    await userEvent.selectOptions(screen.getByLabelText('조건 1의 대상'), 'group');
    await userEvent.selectOptions(screen.getByLabelText('조건 1의 조건'), 'is_any_of');
    await userEvent.click(screen.getByRole('checkbox', { name: '결제' }));
    expect(last).toMatchObject({ target: 'group', operator: 'is_any_of', value: ['g1'] });

    await userEvent.selectOptions(screen.getByLabelText('조건 1의 조건'), 'is_empty');
    expect(screen.queryByLabelText('조건 1의 조건 값')).toBeNull();
    await userEvent.selectOptions(screen.getByLabelText('조건 1의 충족여부'), 'any');
    expect(last).toMatchObject({ mode: 'any', operator: 'is_empty', value: null });
  });
});
