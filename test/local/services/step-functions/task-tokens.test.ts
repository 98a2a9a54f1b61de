import { describe, expect, it } from 'vitest';
import { TaskTokenRegistry } from '../../../../local/services/step-functions/task-tokens.js';

describe('TaskTokenRegistry', () => {
  const recorder = () => {
    const calls: string[] = [];
    return {
      calls,
      callbacks: {
        succeed: (output: unknown) => calls.push(`succeed ${JSON.stringify(output)}`),
        fail: (error: string, cause: string) => calls.push(`fail ${error} ${cause}`),
        heartbeat: () => calls.push('heartbeat'),
      },
    };
  };

  it('issues a different token each time', () => {
    const registry = new TaskTokenRegistry();
    expect(registry.issue()).not.toBe(registry.issue());
  });

  it('routes success, failure and heartbeats to the waiting task', () => {
    const registry = new TaskTokenRegistry();
    const token = registry.issue();
    const { calls, callbacks } = recorder();
    registry.register([token], callbacks);
    registry.heartbeat(token);
    registry.succeed(token, { ok: true });
    registry.fail(token, 'Rejected', 'why');
    expect(calls).toEqual(['heartbeat', 'succeed {"ok":true}', 'fail Rejected why']);
  });

  it('answers TaskTimedOut once the task no longer waits, or for a token it never issued', () => {
    const registry = new TaskTokenRegistry();
    const token = registry.issue();
    const release = registry.register([token], recorder().callbacks);
    release();
    expect(() => registry.succeed(token, {})).toThrow(expect.objectContaining({ name: 'TaskTimedOut' }));
    expect(() => registry.succeed(`AQ${'x'.repeat(64)}`, {})).toThrow(
      expect.objectContaining({ name: 'TaskTimedOut' }),
    );
  });

  it('answers InvalidToken for a malformed token', () => {
    const registry = new TaskTokenRegistry();
    expect(() => registry.heartbeat('nope')).toThrow(expect.objectContaining({ name: 'InvalidToken' }));
    expect(() => registry.heartbeat(42)).toThrow(expect.objectContaining({ name: 'InvalidToken' }));
  });
});
