import { convert } from 'html-to-text';

/**
 * The text/plain alternative of an HTML mail (html-to-text): paragraphs and line breaks kept,
 * lists as "* item", links as "text [url]" (the url alone when it is the text), no wrapping.
 */
export function htmlToMailText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
      { selector: 'img', format: 'skip' },
    ],
  }).trim();
}

/** The same conversion under the name the mail code uses. */
export const htmlToText = htmlToMailText;
