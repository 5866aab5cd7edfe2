/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NextIntlClientProvider } from 'next-intl';
import { AgentFieldsForm } from '@/components/tickets/agent-fields-form';
import { withCurrent } from '@/components/tickets/category-options';
import ko from '@/messages/ko.json';

const update = jest.fn(async (...args: unknown[]) => ({ ok: true, data: args.length ? null : null }));
jest.mock('@/app/[serviceId]/(desk)/tickets/actions', () => ({
  updateTicketAction: (...a: unknown[]) => update(...a),
}));
jest.mock('next/navigation', () => ({ useRouter: () => ({ refresh: () => {} }) }));

describe('상담원 필드 form on a ticket with deleted categories', () => {
  it('shows the deleted intake type as selected and saves it back instead of clearing it', async () => {
    const gone = '11111111-1111-4111-8111-111111111111';
    render(
      <NextIntlClientProvider locale="ko" messages={ko}>
        <AgentFieldsForm
          serviceId="svc"
          ticketId="t1"
          version={3}
          lang="ko"
          defaultLang="ko"
          intakeTypeId={gone}
          processingTypeId={null}
          intake={withCurrent([{ id: 'live', label: '배송', depth: 1 }], gone, '환불 (삭제됨)')}
          processing={[]}
          fields={[]}
          values={{}}
          disabled={false}
        />
      </NextIntlClientProvider>,
    );
    const select = screen.getByLabelText('접수유형') as HTMLSelectElement;
    expect(select.value).toBe(gone);
    expect(select.selectedOptions[0].textContent).toBe('환불 (삭제됨)');
    await userEvent.click(screen.getByRole('button', { name: ko.tickets.fields.save }));
    expect(update).toHaveBeenCalledWith(null, expect.objectContaining({ intakeTypeId: gone, processingTypeId: '' }));
  });
});
