import { describe, expect, it } from 'vitest';
import { matchesEventPattern } from '../../../../local/services/event-bridge/event-pattern.js';

const bounce = {
  version: '0',
  id: 'e-1',
  'detail-type': 'Email Bounced',
  source: 'aws.ses',
  detail: {
    eventType: 'Bounce',
    mail: { messageId: 'm-1', destination: ['bounce@simulator.amazonses.com', 'b@example.org'] },
    bounce: { bounceType: 'Permanent' },
    attempts: 3,
  },
};

describe('matching an event against an EventBridge event pattern', () => {
  it('matches when a field equals one of the values listed, and not otherwise', () => {
    expect(matchesEventPattern({ source: ['aws.ses'] }, bounce)).toBe(true);
    expect(matchesEventPattern({ source: ['placement-onboarding', 'aws.ses'] }, bounce)).toBe(true);
    expect(matchesEventPattern({ source: ['placement-onboarding'] }, bounce)).toBe(false);
  });

  it('needs every field the pattern names to match', () => {
    expect(matchesEventPattern({ source: ['aws.ses'], 'detail-type': ['Email Bounced'] }, bounce)).toBe(true);
    expect(matchesEventPattern({ source: ['aws.ses'], 'detail-type': ['Email Complained'] }, bounce)).toBe(
      false,
    );
  });

  it('matches nested detail fields, and a value against any element of a list in the event', () => {
    expect(matchesEventPattern({ detail: { bounce: { bounceType: ['Permanent'] } } }, bounce)).toBe(true);
    expect(matchesEventPattern({ detail: { bounce: { bounceType: ['Transient'] } } }, bounce)).toBe(false);
    expect(matchesEventPattern({ detail: { mail: { destination: ['b@example.org'] } } }, bounce)).toBe(true);
    expect(matchesEventPattern({ detail: { complaint: { complaintType: ['abuse'] } } }, bounce)).toBe(false);
  });

  it('matches a prefix, a suffix and a value in any case', () => {
    expect(matchesEventPattern({ 'detail-type': [{ prefix: 'Email ' }] }, bounce)).toBe(true);
    expect(matchesEventPattern({ 'detail-type': [{ prefix: 'Placement ' }] }, bounce)).toBe(false);
    expect(
      matchesEventPattern({ detail: { mail: { destination: [{ suffix: '@example.org' }] } } }, bounce),
    ).toBe(true);
    expect(matchesEventPattern({ detail: { eventType: [{ 'equals-ignore-case': 'BOUNCE' }] } }, bounce)).toBe(
      true,
    );
  });

  it('matches on whether a field exists', () => {
    expect(matchesEventPattern({ detail: { bounce: [{ exists: true }] } }, bounce)).toBe(false);
    expect(matchesEventPattern({ detail: { eventType: [{ exists: true }] } }, bounce)).toBe(true);
    expect(matchesEventPattern({ detail: { complaint: [{ exists: false }] } }, bounce)).toBe(true);
    expect(matchesEventPattern({ detail: { eventType: [{ exists: false }] } }, bounce)).toBe(false);
  });

  it('matches anything but the values listed, or anything but a prefix', () => {
    expect(matchesEventPattern({ source: [{ 'anything-but': 'placement-onboarding' }] }, bounce)).toBe(true);
    expect(matchesEventPattern({ source: [{ 'anything-but': ['aws.ses', 'x'] }] }, bounce)).toBe(false);
    expect(matchesEventPattern({ 'detail-type': [{ 'anything-but': { prefix: 'Email' } }] }, bounce)).toBe(
      false,
    );
    expect(
      matchesEventPattern({ 'detail-type': [{ 'anything-but': { prefix: 'Placement' } }] }, bounce),
    ).toBe(true);
  });

  it('compares numbers with numeric ranges', () => {
    expect(matchesEventPattern({ detail: { attempts: [{ numeric: ['>', 2, '<=', 3] }] } }, bounce)).toBe(
      true,
    );
    expect(matchesEventPattern({ detail: { attempts: [{ numeric: ['>', 3] }] } }, bounce)).toBe(false);
  });

  it('does not match a value pattern against an object, nor an object pattern against a missing field', () => {
    expect(matchesEventPattern({ detail: ['Bounce'] }, bounce)).toBe(false);
    expect(matchesEventPattern({ missing: { field: ['x'] } }, bounce)).toBe(false);
  });
});
