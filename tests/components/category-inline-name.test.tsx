/** @jest-environment jsdom */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NextIntlClientProvider } from 'next-intl';
import { InlineName } from '@/components/categories/inline-name';
import { TreeContext, type TreeCtx } from '@/components/categories/tree-context';
import type { CategoryNode } from '@/lib/categories/tree-build';
import ko from '@/messages/ko.json';

const node: CategoryNode = {
  id: 'c1',
  parentId: null,
  depth: 1,
  name: '배송',
  names: { ko: '배송' },
  label: '배송',
  active: true,
  createdAt: '',
  children: [],
};

function setup(rename: TreeCtx['rename'], kind: TreeCtx['kind'] = 'intake') {
  const ctx: TreeCtx = {
    serviceId: 's',
    kind,
    lang: 'ko',
    defaultLang: 'ko',
    selectedId: null,
    expanded: new Set(),
    select: jest.fn(),
    toggle: jest.fn(),
    reorder: jest.fn(),
    rename,
    setActive: jest.fn(),
  };
  render(
    <NextIntlClientProvider locale="ko" messages={ko}>
      <TreeContext.Provider value={ctx}>
        <InlineName node={node} />
        <button type="button">elsewhere</button>
      </TreeContext.Provider>
    </NextIntlClientProvider>,
  );
  return ctx;
}

describe('inline rename of intake types', () => {
  it('opens on double-click, saves on Enter', async () => {
    const rename = jest.fn(async () => null);
    setup(rename);
    await userEvent.dblClick(screen.getByRole('button', { name: '배송' }));
    const box = screen.getByLabelText('배송 이름 (ko)');
    await userEvent.clear(box);
    await userEvent.type(box, '택배{Enter}');
    await waitFor(() => expect(rename).toHaveBeenCalledWith(node, '택배'));
    expect(screen.queryByLabelText('배송 이름 (ko)')).not.toBeInTheDocument();
  });

  it('cancels on Esc without saving', async () => {
    const rename = jest.fn(async () => null);
    setup(rename);
    await userEvent.dblClick(screen.getByRole('button', { name: '배송' }));
    await userEvent.type(screen.getByLabelText('배송 이름 (ko)'), '바뀜{Escape}');
    expect(rename).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: '배송' })).toBeInTheDocument();
  });

  it('saves on blur, and keeps the box open with the message when refused', async () => {
    const rename = jest.fn(async () => '1뎁스에 이미 "결제" 카테고리가 있습니다.');
    setup(rename);
    await userEvent.dblClick(screen.getByRole('button', { name: '배송' }));
    const box = screen.getByLabelText('배송 이름 (ko)');
    await userEvent.clear(box);
    await userEvent.type(box, '결제');
    await userEvent.click(screen.getByRole('button', { name: 'elsewhere' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('"결제"'));
    expect(screen.getByLabelText('배송 이름 (ko)')).toHaveValue('결제');
  });

  it('never opens for processing types (they use the edit button)', async () => {
    const rename = jest.fn(async () => null);
    setup(rename, 'processing');
    await userEvent.dblClick(screen.getByRole('button', { name: '배송' }));
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });
});
