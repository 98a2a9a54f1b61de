import { describe, expect, it } from 'vitest';
import { REJECTION_REASON_CODES } from '../../functions/core/model/rejection-reason-code.js';
import { REJECTION_EXPLANATIONS, rejectionReasonText } from '../../functions/core/rejection-reasons.js';

describe('rejection reasons', () => {
  it.each(REJECTION_REASON_CODES)('%s has its own plain-language explanation', (code) => {
    const explanation = REJECTION_EXPLANATIONS[code];
    expect(explanation.length).toBeGreaterThan(20);
    expect(explanation).not.toMatch(/[A-Z]{2,}_[A-Z]/);
    const others = REJECTION_REASON_CODES.filter((other) => other !== code).map(
      (o) => REJECTION_EXPLANATIONS[o],
    );
    expect(others).not.toContain(explanation);
  });

  it.each(REJECTION_REASON_CODES.filter((code) => code !== 'OTHER'))(
    '%s tells the student what to upload instead',
    (code) => {
      expect(REJECTION_EXPLANATIONS[code]).toMatch(/upload|ask your coordinator/i);
    },
  );

  it('puts the verifier note after the explanation, and leaves it out when there is none', () => {
    expect(rejectionReasonText('ILLEGIBLE')).toBe(REJECTION_EXPLANATIONS.ILLEGIBLE);
    expect(rejectionReasonText('OTHER', 'Please send the 2025 result.')).toBe(
      `${REJECTION_EXPLANATIONS.OTHER} Note from the school: Please send the 2025 result.`,
    );
  });
});
