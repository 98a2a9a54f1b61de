import type { ConsolePorts } from '../../functions/console/console-request.js';
import type { RouteRequest } from '../../functions/http/route-table.js';
import type { ParsedHttpEvent } from '../../functions/middleware/http-body.js';
import { createCsrfSecret } from '../../functions/staff-auth/csrf-tokens.js';
import type { StaffRole } from '../../functions/staff-auth/staff-identity.js';
import type { StaffSession } from '../../functions/staff-auth/staff-session.js';
import type { InMemoryWorld } from '../support/in-memory-ports.js';

/** The console's ports over an in-memory world; sign-in is not used by these routes. */
export const consolePortsOf = (world: InMemoryWorld): ConsolePorts => ({
  ...world.ports,
  sessions: {
    get: async () => undefined,
    put: async () => {},
    touch: async () => {},
    delete: async () => {},
  },
  pendingSignIns: {} as ConsolePorts['pendingSignIns'],
  signInProvider: async () => {
    throw new Error('sign-in is not part of these tests');
  },
  clientId: 'console-test',
});

/** A signed-in staff member of `role` (as staffSessionRequired leaves the event). */
export const staffSession = (role: StaffRole): StaffSession => ({
  sub: `sub-${role}`,
  email: `${role}@school.test`,
  role,
  idHash: 'a'.repeat(64),
  createdAt: '2026-01-05T08:00:00.000Z',
  lastSeenAt: '2026-01-05T08:59:00.000Z',
  csrfSecret: createCsrfSecret(),
});

/** A request to one route, from `role`, as the route table hands it over. */
export const staffRequest = (
  role: StaffRole,
  request: Partial<Omit<RouteRequest, 'event'>> & { method?: string; path?: string } = {},
): RouteRequest => {
  const headers = { accept: 'text/html', ...request.headers };
  const event = {
    headers,
    rawPath: request.path ?? '/console',
    requestContext: { http: { method: request.method ?? 'GET' } },
    staff: staffSession(role),
  } as unknown as ParsedHttpEvent;
  return { params: {}, query: {}, body: undefined, ...request, headers, event };
};
