/** @jest-environment jsdom */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NextIntlClientProvider } from 'next-intl';
import { LayoutForm } from '@/components/email/layout-form';
import ko from '@/messages/ko.json';

jest.mock('@/app/[serviceId]/(desk)/settings/email/actions', () => ({ saveLayoutAction: jest.fn() }));

const wrap = (ui: React.ReactNode) =>
  render(
    <NextIntlClientProvider locale="ko" messages={ko}>
      {ui}
    </NextIntlClientProvider>,
  );
const props = { serviceId: 's', event: 'solved', lang: 'ko', codes: ['content', 'name'] };

describe('메일 레이아웃 editor', () => {
  it('is the rich-text editor in HTML mode, with the stored layout in it and submitted as HTML', async () => {
    const { container } = wrap(
      <LayoutForm {...props} editorType="html" body="<p><strong>안녕하세요</strong> #{name}님</p><p>#{content}</p>" />,
    );
    const editor = await screen.findByRole('textbox', { name: ko.email.settings.layoutHtml });
    expect(editor).toHaveAttribute('contenteditable', 'true');
    expect(container.querySelector('textarea')).toBeNull();
    await waitFor(() => expect(editor.querySelector('strong')).toHaveTextContent('안녕하세요'));
    expect(screen.getByRole('toolbar')).toBeInTheDocument();
    expect((container.querySelector('input[name="body"]') as HTMLInputElement).value).toBe(
      '<p><strong>안녕하세요</strong> #{name}님</p><p>#{content}</p>',
    );
  });

  it('stays a textarea in TEXT mode, and the code list inserts a code at the cursor', async () => {
    wrap(<LayoutForm {...props} editorType="text" body="안녕하세요 님" />);
    const area = screen.getByRole('textbox', { name: ko.email.settings.layoutText }) as HTMLTextAreaElement;
    expect(area.tagName).toBe('TEXTAREA');
    area.focus();
    area.setSelectionRange(6, 6);
    await userEvent.dblClick(screen.getByRole('button', { name: '#{name}' }));
    expect(area.value).toBe('안녕하세요 #{name}님');
  });
});
