/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { BannedWordsDialog, highlightSegments } from '@/components/banned-words/banned-words-dialog';
import ko from '@/messages/ko.json';

describe('banned-words dialog', () => {
  it('lists each word with its places and highlights the matches as text, never as HTML', () => {
    const text = '<b>안녕</b> 바 보\n정말 바보';
    const matches = [
      { word: '바보', start: 10, end: 13 },
      { word: '바보', start: 17, end: 19 },
    ];
    render(
      <NextIntlClientProvider locale="ko" messages={ko}>
        <BannedWordsDialog open onClose={() => {}} text={text} matches={matches} />
      </NextIntlClientProvider>,
    );
    const list = screen.getByTestId('banned-word-list');
    expect(within(list).getByText('바보')).toBeInTheDocument();
    expect(within(list).getByText('2곳')).toBeInTheDocument();
    expect(list).toHaveTextContent('1:11 “바 보”, 2:4 “바보”');
    const body = screen.getByTestId('banned-word-text');
    expect([...body.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['바 보', '바보']);
    expect(body.querySelector('b')).toBeNull();
    expect(body).toHaveTextContent('<b>안녕</b>');
  });

  it('merges overlapping matches into one highlight', () => {
    expect(
      highlightSegments('바보험', [
        { word: '바보', start: 0, end: 2 },
        { word: '보험', start: 1, end: 3 },
      ]),
    ).toEqual([{ text: '바보험', hit: true }]);
  });
});
