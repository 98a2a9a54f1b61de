import { html, type RenderedPage, renderPage } from '../../../functions/contract/page-kit.js';
import type { StoredEvent } from './event-store.js';

/** The value of a `placementId` in an event's detail, if it has one. */
export function placementIdOf(stored: StoredEvent): string | undefined {
  const detail = stored.event.detail as { placementId?: unknown } | null;
  return typeof detail?.placementId === 'string' ? detail.placementId : undefined;
}

/**
 * The local bus's page: the events, newest first, in a table with each event's detail below its
 * row. The portal's page shell (strict CSP, the shared stylesheet by hash, no script, nothing external).
 */
export function renderEventsPage(events: readonly StoredEvent[]): RenderedPage {
  const newestFirst = [...events].reverse();
  return renderPage({
    title: 'Local events',
    main: html`<h1>Events on the local buses</h1>
<p class="lead">${String(events.length)} event(s). As JSON: <a href="/events">/events</a> (<code>?after=SEQ</code> for the newer ones). Reload the page for new events.</p>
${
  newestFirst.length === 0
    ? html`<p>No event yet.</p>`
    : html`<table>
<caption>Events, newest first</caption>
<thead><tr><th scope="col">#</th><th scope="col">Time</th><th scope="col">Bus</th><th scope="col">Source</th><th scope="col">Detail type</th><th scope="col">Placement</th><th scope="col">Detail</th></tr></thead>
<tbody>
${newestFirst.map(
  (stored) => html`<tr>
<th scope="row">${String(stored.seq)}</th>
<td><time datetime="${stored.event.time}">${stored.event.time}</time></td>
<td>${stored.eventBusName}</td>
<td>${stored.event.source}</td>
<td>${stored.event['detail-type']}</td>
<td>${placementIdOf(stored) ?? ''}</td>
<td><details><summary>Event ${stored.event.id}</summary><pre>${JSON.stringify(stored.event, null, 2)}</pre></details></td>
</tr>`,
)}
</tbody>
</table>`
}`,
  });
}
