import { describe, expect, it } from 'vitest';
import type { OnceLedger } from '../../functions/core/ports.js';
import { EMAIL_LEASE_SECONDS, sendEmailOnce } from '../../functions/use-cases/send-email-once.js';
import { InMemoryWorld } from '../support/in-memory-ports.js';

const MESSAGE = { to: ['robin@students.test'], subject: 'Documents needed', html: '<p>Hi</p>', text: 'Hi' };
const KEY = 'collect:pl_1:r0:n0';

const send = (world: InMemoryWorld, ledger: OnceLedger = world.ports.ledger) =>
  sendEmailOnce({ ...world.ports, ledger }, KEY, () => MESSAGE);

describe('sendEmailOnce (a ledger claim with a lease)', () => {
  it('sends once, and a retry after it completed sends nothing', async () => {
    const world = new InMemoryWorld();

    await expect(send(world)).resolves.toBe(true);
    world.advance(1);
    await expect(send(world)).resolves.toBe(false);

    expect(world.outbox).toHaveLength(1);
  });

  it('does not lose the email when the sender crashed after claiming: a retry within the lease waits, one after it sends', async () => {
    const world = new InMemoryWorld();
    // The crashed attempt: it claimed, then died before sending.
    await world.ports.ledger.claim(`mail:${KEY}`, EMAIL_LEASE_SECONDS);

    await expect(send(world)).rejects.toMatchObject({ name: 'EmailInFlightError' });
    expect(world.outbox).toHaveLength(0);

    world.currentTime = new Date(world.currentTime.getTime() + (EMAIL_LEASE_SECONDS + 1) * 1000);
    await expect(send(world)).resolves.toBe(true);
    await expect(send(world)).resolves.toBe(false);
    expect(world.outbox).toHaveLength(1);
  });

  it('gives the claim back when the send fails, so the retry sends at once', async () => {
    const world = new InMemoryWorld();
    world.failNextSends = 1;

    await expect(send(world)).rejects.toMatchObject({ name: 'TransientDependencyError' });
    await expect(send(world)).resolves.toBe(true);

    expect(world.outbox).toHaveLength(1);
  });

  it('retries marking the email sent when the ledger fails once, so no retry sends it again', async () => {
    const world = new InMemoryWorld();
    let failures = 1;
    const flaky: OnceLedger = {
      ...world.ports.ledger,
      complete: async (key, claimId) => {
        if (failures-- > 0) throw new Error('ProvisionedThroughputExceededException');
        await world.ports.ledger.complete(key, claimId);
      },
    };

    await expect(send(world, flaky)).resolves.toBe(true);
    world.advance(1);
    await expect(send(world)).resolves.toBe(false);

    expect(world.outbox).toHaveLength(1);
  });

  it('the chosen trade-off: a crash after SES accepted the email but before it was marked sends it again after the lease (at least once)', async () => {
    const world = new InMemoryWorld();
    const neverMarks: OnceLedger = {
      ...world.ports.ledger,
      complete: async () => {
        throw new Error('the function died here');
      },
    };

    await expect(send(world, neverMarks)).resolves.toBe(true);
    world.advance(1);
    await expect(send(world)).resolves.toBe(true);

    expect(world.outbox).toHaveLength(2);
  });
});
