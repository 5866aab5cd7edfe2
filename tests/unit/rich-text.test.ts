import { sanitizeRichHtml } from '@/lib/html/sanitize';
import { htmlToMailText } from '@/lib/mail/html-to-text';

describe('rich text', () => {
  it('keeps what the editor makes and drops scripts, handlers and javascript: links', () => {
    const dirty =
      '<p onclick="x()"><strong>굵게</strong> <a href="https://example.com/a" onmouseover="y()">링크</a><script>alert(1)</script><a href="javascript:alert(2)">나쁜</a> #{name}</p><img src=x onerror=z()>';
    expect(sanitizeRichHtml(dirty)).toBe(
      '<p><strong>굵게</strong> <a href="https://example.com/a" target="_blank" rel="noopener noreferrer">링크</a><a target="_blank" rel="noopener noreferrer">나쁜</a> #{name}</p>',
    );
  });

  it('turns HTML into a clean text alternative with html-to-text', () => {
    expect(
      htmlToMailText(
        '<p>안녕하세요 <strong>홍길동</strong>님,</p><p><a href="https://example.com/faq">FAQ</a>를 보세요. &lt;중요&gt;</p><ul><li>하나</li><li>둘</li></ul>',
      ),
    ).toBe('안녕하세요 홍길동님,\n\nFAQ [https://example.com/faq]를 보세요. <중요>\n\n * 하나\n * 둘');
    expect(htmlToMailText('<p><a href="https://example.com">https://example.com</a></p>')).toBe('https://example.com');
  });
});
