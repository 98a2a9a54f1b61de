import fc from 'fast-check';
import { beforeAll, it, vi } from 'vitest';
import { coldStart, freezeDate } from '../handlers/support/handler-environment.js';
import { invokeHttp } from '../handlers/support/api-gateway-event.js';
import { anyRawBody, bodyCase, requestCase, httpMethod, routePath, pathSegment, toHttpRequest } from './support/http-arbitraries.js';
import { captureLogs, mockedAws, resetWorld, sendAndCheck } from './support/http-property-harness.js';
const aws = mockedAws();
let handler: any;
beforeAll(async () => { ({ handler } = await coldStart(() => import('../../functions/handlers/coordinator-api.js'))); freezeDate(); captureLogs(aws); });
it('timing', async () => {
  const reqs = fc.sample(requestCase({ method: httpMethod(['GET']), path: routePath((id) => `/sites/${id}`, pathSegment(fc.constant('st-marys'))), body: bodyCase(anyRawBody) }), 200);
  let t = performance.now();
  for (let i = 0; i < 200; i++) resetWorld(aws, 'collecting');
  const reset = performance.now() - t; t = performance.now();
  for (let i = 0; i < 200; i++) aws.table.snapshot();
  const snap = performance.now() - t; t = performance.now();
  for (const r of reqs) await invokeHttp(handler, toHttpRequest(r));
  const inv = performance.now() - t; t = performance.now();
  for (const r of reqs) { resetWorld(aws, 'collecting'); await sendAndCheck(aws, handler, r, { successStatuses: [200], pagesAllowed: () => false }); }
  const full = performance.now() - t;
  process.stdout.write(`reset ${reset.toFixed(0)} snapshot ${snap.toFixed(0)} invoke ${inv.toFixed(0)} full ${full.toFixed(0)}\n`);
});
