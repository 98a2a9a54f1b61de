import type { PendingSignIn, PendingSignInStore } from '../../../functions/staff-auth/pending-sign-in.js';
import type { StaffSession, StaffSessionStore } from '../../../functions/staff-auth/staff-session.js';

/** Sessions in a Map: the store port's behaviour without DynamoDB. */
export class InMemoryStaffSessions implements StaffSessionStore {
  readonly items = new Map<string, StaffSession>();

  async get(idHash: string) {
    return this.items.get(idHash);
  }
  async put(session: StaffSession) {
    this.items.set(session.idHash, session);
  }
  async touch(idHash: string, lastSeenAt: string) {
    const session = this.items.get(idHash);
    if (session) this.items.set(idHash, { ...session, lastSeenAt });
  }
  async delete(idHash: string) {
    this.items.delete(idHash);
  }
}

export class InMemoryPendingSignIns implements PendingSignInStore {
  readonly items = new Map<string, PendingSignIn>();

  async put(pending: PendingSignIn) {
    this.items.set(pending.idHash, pending);
  }
  async take(idHash: string) {
    const pending = this.items.get(idHash);
    this.items.delete(idHash);
    return pending;
  }
}
