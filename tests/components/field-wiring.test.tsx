/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import { SelectField, TextField } from '@/components/ui/field';

describe('labelled fields', () => {
  it('point a screen reader at their error, else at their help, for text inputs and selects alike', () => {
    render(
      <>
        <TextField label="이름" help="고객에게 보이는 이름" errors={['이름을 입력하세요.']} />
        <SelectField label="발신 번호" help="등록된 번호만" errors={['발신 번호를 선택하세요.']} required>
          <option value="">선택</option>
        </SelectField>
        <SelectField label="프로젝트" help="두레이 프로젝트">
          <option value="">선택</option>
        </SelectField>
      </>,
    );
    const name = screen.getByLabelText(/이름/);
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription('이름을 입력하세요.');
    const sender = screen.getByLabelText(/발신 번호/);
    expect(sender).toHaveAttribute('aria-invalid', 'true');
    expect(sender).toHaveAttribute('aria-required', 'true');
    expect(sender).toHaveAccessibleDescription('발신 번호를 선택하세요.');
    // Not enforced by the browser: an empty choice reaches the server, which names it in the user's language.
    expect(sender).not.toHaveAttribute('required');
    const project = screen.getByLabelText(/프로젝트/);
    expect(project).not.toHaveAttribute('aria-invalid');
    expect(project).toHaveAccessibleDescription('두레이 프로젝트');
  });
});
