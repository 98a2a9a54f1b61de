import { describe, expect, it } from 'vitest';
import { oneLine, renderEmail } from '../../../functions/web/emails/email-layout.js';
import { textLinesMissingFromHtml } from './email-parts.js';

describe('renderEmail', () => {
  const email = renderEmail({
    subject: 'Hello\r\nBcc: someone@example.com',
    heading: 'Heading <b>',
    preview: 'Preview',
    blocks: [
      { kind: 'paragraph', text: 'A paragraph & more.' },
      { kind: 'list', items: ['one', '<two>'] },
      { kind: 'facts', rows: [['Site', 'Riverside']] },
      { kind: 'action', label: 'Open it', url: 'https://example.com/a?b=1&c=2' },
      { kind: 'note', text: 'Small print.' },
    ],
    footer: 'Why you got this.',
  });

  it('renders every block in both parts', () => {
    expect(email.text).toBe(
      'Heading <b>\n\nA paragraph & more.\n\n- one\n- <two>\n\nSite: Riverside\n\nOpen it:\nhttps://example.com/a?b=1&c=2\n\nSmall print.\n\n--\n\nPlacement onboarding. Why you got this.\n',
    );
    expect(textLinesMissingFromHtml(email)).toEqual([]);
  });

  it('escapes the HTML part, including the link', () => {
    expect(email.html).toContain('Heading &lt;b&gt;');
    expect(email.html).toContain('<li style="margin:0 0 6px;">&lt;two&gt;</li>');
    expect(email.html).toContain('href="https://example.com/a?b=1&amp;c=2"');
  });

  it('keeps the subject on one line so it cannot add mail headers', () => {
    expect(email.subject).toBe('Hello Bcc: someone@example.com');
    expect(oneLine('a\u2028b\tc\u0000d')).toBe('a b c d');
  });
});

describe('textLinesMissingFromHtml (the parity check the email tests rely on)', () => {
  it('reports a line of the text part that the HTML part lacks', () => {
    const email = {
      subject: 's',
      html: '<!doctype html><html lang="en"><p>Alpha</p></html>',
      text: 'Alpha\n\n- Beta\n',
    };
    expect(textLinesMissingFromHtml(email)).toEqual(['Beta']);
  });
});
