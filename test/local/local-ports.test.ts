import { describe, expect, it } from 'vitest';
import { DEFAULT_PORTS, resolvePorts } from '../../local/local-ports.js';

describe('choosing the ports of the local services', () => {
  it('uses the defaults when nothing is set', () => {
    expect(resolvePorts({}, {})).toEqual({
      api: 4000,
      mailbox: 4005,
      s3: 4569,
      dynamodb: 4567,
      stepfunctions: 4583,
      idp: 4010,
      events: 4015,
    });
    expect(DEFAULT_PORTS.api).toBe(4000);
  });

  it('takes ONBOARDING_PORT_* over the defaults, and explicit options over both', () => {
    const ports = resolvePorts({ s3: 0 }, { ONBOARDING_PORT_API: '5000', ONBOARDING_PORT_S3: '5001' });
    expect(ports).toMatchObject({ api: 5000, s3: 0, mailbox: 4005 });
  });

  it('refuses a value that is not a port', () => {
    expect(() => resolvePorts({}, { ONBOARDING_PORT_MAILBOX: 'abc' })).toThrow('ONBOARDING_PORT_MAILBOX');
    expect(() => resolvePorts({}, { ONBOARDING_PORT_DYNAMODB: '70000' })).toThrow('ONBOARDING_PORT_DYNAMODB');
    expect(() => resolvePorts({}, { ONBOARDING_PORT_IDP: '-1' })).toThrow('ONBOARDING_PORT_IDP');
  });
});
