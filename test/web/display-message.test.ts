import { describe, expect, it } from 'vitest';
import { displayMessage } from '../../functions/web/display-message.js';

describe('displayMessage', () => {
  it.each([
    ['issuedOn: Must be a real date written as YYYY-MM-DD.', 'Date issued: Must be a real date.'],
    ['expiresOn: Required: a date as YYYY-MM-DD.', 'Expiry date: Required: a date.'],
    [
      'This TB test has no issue date. Enter the date it was issued, as YYYY-MM-DD.',
      'This TB test has no issue date. Enter the date it was issued.',
    ],
    [
      'This BLS card has an expiry date that is not a real date. Enter it as YYYY-MM-DD.',
      'This BLS card has an expiry date that is not a real date. Check it and enter it again.',
    ],
  ])('drops the wire format from %j', (message, shown) => {
    expect(displayMessage(message)).toBe(shown);
    expect(displayMessage(message)).not.toMatch(/YYYY|MM-DD/);
  });

  it('writes calendar dates the way the page does (14 March 2025), everywhere in the sentence', () => {
    expect(
      displayMessage(
        'This TB test expires on 2025-03-01, before your rotation ends on 2026-12-11. Upload one dated 2025-12-11 or later.',
      ),
    ).toBe(
      'This TB test expires on 1 March 2025, before your rotation ends on 11 December 2026. Upload one dated 11 December 2025 or later.',
    );
  });

  it('leaves what is not a field name, a format or a date alone', () => {
    expect(displayMessage('constructor: The request is not valid.')).toBe(
      'constructor: The request is not valid.',
    );
    expect(displayMessage('Reference 20250301-12-34: upload again')).toBe(
      'Reference 20250301-12-34: upload again',
    );
    expect(displayMessage('We could not read the date. Take a sharper photo.')).toBe(
      'We could not read the date. Take a sharper photo.',
    );
  });
});
