/** @jest-environment jsdom */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button } from '@/components/ui/button';
import { FormError, TextField } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';
import type { ActionResult } from '@/lib/actions/action';

function Form({ action }: { action: (prev: unknown, fd: FormData) => Promise<ActionResult<{ id: string }>> }) {
  const { pending, onSubmit, fieldErrors, formError, state } = useFormAction(action);
  return (
    <form onSubmit={onSubmit} noValidate>
      <TextField name="id" label="서비스 ID" errors={fieldErrors?.id} />
      <FormError message={formError} />
      {state?.ok && <p role="status">saved {state.data.id}</p>}
      <Button type="submit" disabled={pending}>
        저장
      </Button>
    </form>
  );
}

describe('forms bound with useFormAction', () => {
  it('keep what was typed when the server refuses it, and show the field message beside the field', async () => {
    const action = jest.fn(async (_p: unknown, fd: FormData): Promise<ActionResult<{ id: string }>> =>
      fd.get('id') === 'ok1'
        ? { ok: true, data: { id: 'ok1' } }
        : { ok: false, error: '입력한 내용을 확인하세요.', fieldErrors: { id: ['규칙 위반'] } },
    );
    render(<Form action={action} />);
    const input = screen.getByLabelText('서비스 ID');
    await userEvent.type(input, 'Bad ID');
    await userEvent.click(screen.getByRole('button', { name: '저장' }));
    await waitFor(() => expect(screen.getByText('규칙 위반')).toBeInTheDocument());
    expect(input).toHaveValue('Bad ID');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('입력한 내용을 확인하세요.')).toHaveAttribute('role', 'alert');

    await userEvent.clear(input);
    await userEvent.type(input, 'ok1');
    await userEvent.click(screen.getByRole('button', { name: '저장' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('saved ok1'));
    expect(screen.queryByText('규칙 위반')).not.toBeInTheDocument();
    expect(action).toHaveBeenCalledTimes(2);
  });
});
