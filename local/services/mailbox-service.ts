import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sesLocal from 'aws-ses-v2-local';
import type { RunningService } from './dynamodb-service.js';
import { closeServer } from './listen-on-loopback.js';
import { keepEverySesV1Address } from './ses-v1-address-lists.js';

/** aws-ses-v2-local: SES v1/v2 SendEmail; `GET /` is the mailbox page, `GET /store` the mail as JSON. */
export async function startMailbox(options: {
  port: number;
  /** Sees the HTTP server before it serves (the test-only fault switches hook in here). */
  onServer?: (server: Server) => void;
}): Promise<RunningService> {
  // CommonJS with an `exports.default`: seen from ESM, the factory is the default export's `default`.
  type Factory = (config: { host: string; port: number }) => Promise<Server>;
  const loaded = sesLocal as unknown as Factory | { default: Factory };
  const start = typeof loaded === 'function' ? loaded : loaded.default;
  keepEverySesV1Address();
  const server = await start({ host: '127.0.0.1', port: options.port });
  if (!server.listening) {
    throw Object.assign(new Error(`listen EADDRINUSE 127.0.0.1:${options.port}`), { code: 'EADDRINUSE' });
  }
  options.onServer?.(server);
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => closeServer(server),
  };
}
