/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FieldInput, type FieldInputField } from '@/components/fields/field-input';
import { collectFieldValues } from '@/lib/fields/form-values';
import { validateFieldValues } from '@/lib/fields/validate-value';

const base = { descriptions: {}, placeholders: {}, options: [], required: false, maxLength: 0 };
const opts = [
  { value: 'order', labels: { ko: '주문', en: 'Order' } },
  { value: 'refund', labels: { ko: '환불', en: 'Refund' } },
];
const form: FieldInputField[] = [
  { ...base, code: 'subject', type: 'text', names: { ko: '제목', en: 'Subject' }, required: true, maxLength: 200 },
  { ...base, code: 'kinds', type: 'checkbox', names: { ko: '문의 구분', en: 'Kinds' }, options: opts },
  { ...base, code: 'kind', type: 'radio', names: { ko: '대표 구분' }, options: opts },
  { ...base, code: 'visit', type: 'datetime', names: { ko: '방문 일시' } },
  { ...base, code: 'stay', type: 'date_period', names: { ko: '숙박 기간' } },
  {
    ...base,
    code: 'personalAgree',
    type: 'agree',
    names: { ko: '개인정보 수집 동의' },
    descriptions: { ko: '수집 항목: 이름' },
    required: true,
  },
];

function Form({ lang = 'ko', errors = {} }: { lang?: string; errors?: Record<string, string[]> }) {
  return (
    <form data-testid="form">
      {form.map((f) => (
        <FieldInput key={f.code} field={f} lang={lang} defaultLang="ko" errors={errors[f.code]} />
      ))}
    </form>
  );
}

describe('FieldInput', () => {
  it('renders each type with its label, and the values read back in the stored formats', async () => {
    render(<Form />);
    await userEvent.type(screen.getByLabelText(/제목/), '  환불 문의 ');
    await userEvent.click(screen.getByLabelText('주문', { selector: '[name="f.kinds"]' }));
    await userEvent.click(screen.getByLabelText('환불', { selector: '[name="f.kinds"]' }));
    await userEvent.click(screen.getByLabelText('환불', { selector: '[name="f.kind"]' }));
    fireEvent.change(screen.getByLabelText(/방문 일시/), { target: { value: '2026-03-01T09:30' } });
    fireEvent.change(screen.getByLabelText(/숙박 기간/, { selector: '[name="f.stay.from"]' }), {
      target: { value: '2026-03-01' },
    });
    fireEvent.change(screen.getByLabelText('숙박 기간 ~'), { target: { value: '2026-03-03' } });
    await userEvent.click(screen.getByLabelText(/개인정보 수집 동의/));

    const raw = collectFieldValues(new FormData(screen.getByTestId('form') as HTMLFormElement), form);
    const { values, errors } = validateFieldValues(form, raw);
    expect(errors).toEqual({});
    expect(values).toEqual({
      subject: '환불 문의',
      kinds: ['order', 'refund'],
      kind: 'refund',
      visit: '2026-03-01 09:30',
      stay: '2026-03-01 ~ 2026-03-03',
      personalAgree: true,
    });
  });

  it('falls back to the default language, and wires errors to the input for screen readers', () => {
    render(<Form lang="en" errors={{ subject: ['This field is required.'] }} />);
    const subject = screen.getByLabelText(/Subject/);
    expect(subject).toHaveAttribute('aria-invalid', 'true');
    expect(subject).toHaveAccessibleDescription('This field is required.');
    expect(screen.getByText('대표 구분')).toBeInTheDocument();
    expect(screen.getByLabelText('Refund', { selector: '[name="f.kinds"]' })).toBeInTheDocument();
  });

  it('an empty form reads back as missing required values', () => {
    render(<Form />);
    const raw = collectFieldValues(new FormData(screen.getByTestId('form') as HTMLFormElement), form);
    expect(Object.keys(validateFieldValues(form, raw).errors).sort()).toEqual(['personalAgree', 'subject']);
  });
});
