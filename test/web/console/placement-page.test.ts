import { describe, expect, it } from 'vitest';
import { renderPlacementPage } from '../../../functions/web/console/placement-page.js';
import { tagWithId, visibleText } from '../page-inspection.js';
import { CSRF_TOKEN, contextFor, placementView } from './console-fixtures.js';
import { hiddenValue, hrefsOf, postFormsOf, postTargetsOf } from './console-inspection.js';

describe('a placement', () => {
  const page = renderPlacementPage(contextFor('coordinator'), placementView()).html;
  const text = visibleText(page);

  it('shows the student, site, program, dates, status and who it waits on', () => {
    expect(text).toContain('Amara Okafor at Riverside General Hospital');
    expect(text).toContain('Status: Waiting for documents Waiting on: Student');
    expect(text).toContain('Student Amara Okafor (S-1001) amara@students.example.edu');
    expect(text).toContain('Dates 14 December 2026 to 12 March 2027');
    expect(text).toContain('Documents due 7 December 2026');
  });

  it('shows each checklist item with its status, reason and who verified it', () => {
    expect(text).toContain(
      'Measles, mumps and rubella (MMR) immunity Accepted Verified by reviewer@school.example.edu on 20 November 2026 at 10:15 UTC.',
    );
    expect(text).toContain('Tuberculosis (TB) screening Waiting for verification Waiting for a verifier.');
    expect(text).toContain('Not accepted Cannot be read: the photo is blurred.');
    expect(text).toContain('HIPAA privacy training Missing None');
  });

  it('says an automatically accepted document was checked automatically', () => {
    const [mmr, ...rest] = placementView().requirements;
    const automatic = renderPlacementPage(
      contextFor('viewer'),
      placementView({
        requirements: mmr ? [{ ...mmr, verification: 'automatic', verifiedBy: undefined }, ...rest] : [],
      }),
    ).html;
    expect(visibleText(automatic)).toContain('Checked automatically (file type and dates only).');
  });

  it('links each document to the recorded view route, never to storage', () => {
    const hrefs = hrefsOf(page);
    expect(hrefs).toEqual(
      expect.arrayContaining([
        '/console/placements/p-100/documents/d-1',
        '/console/placements/p-100/documents/d-3',
      ]),
    );
    expect(hrefs.some((href) => href.includes('amazonaws'))).toBe(false);
  });

  it('shows the history newest first, with who did what', () => {
    const history = /<table[^>]*id="history"[\s\S]*?<\/table>/.exec(page)?.[0] ?? '';
    const rows = visibleText(history);
    expect(rows.indexOf('Document verified')).toBeLessThan(rows.indexOf('Placement created'));
    expect(rows).toContain('20 November 2026 at 10:15 UTC Document verified MMR reviewer@school.example.edu');
    expect(rows).toContain('Document submitted MMR The system');
  });

  it('shows every disclosure: when, who, which document, through what', () => {
    expect(text).toContain(
      '20 November 2026 at 10:14 UTC reviewer@school.example.edu Measles, mumps and rubella (MMR) immunity Staff console',
    );
    const none = visibleText(
      renderPlacementPage(contextFor('viewer'), placementView({ disclosures: [] })).html,
    );
    expect(none).toContain('Nobody has viewed or downloaded this student’s documents yet.');
  });

  it('gives a coordinator waive, resend, cancel and purge on an open placement, each with the CSRF token', () => {
    expect(postTargetsOf(page)).toEqual([
      'auth/sign-out',
      'placements/p-100/waivers',
      'placements/p-100/resend-link',
      'placements/p-100/cancel',
      'placements/p-100/purge',
    ]);
    for (const form of postFormsOf(page)) expect(hiddenValue(form, '_csrf')).toBe(CSRF_TOKEN);
  });

  it('waives only what is not accepted or waived yet, with a required reason', () => {
    const waive = postFormsOf(page).find((form) => form.action.endsWith('/waivers'))?.body ?? '';
    const codes = [...waive.matchAll(/<option value="([A-Z_]+)"/g)].map((match) => match[1]);
    expect(codes).toEqual(['TB', 'BLS', 'HIPAA_TRAINING']);
    expect(tagWithId(waive, 'waivers-reason')).toMatch(/name="reason"[^>]*required[^>]*maxlength="2000"/);
    expect(waive).toContain('<label for="waivers-reason">Reason</label>');
  });

  it('marks cancel and purge as destructive, and purge needs a ticked confirmation', () => {
    const purge = postFormsOf(page).find((form) => form.action.endsWith('/purge'))?.body ?? '';
    expect(purge).toContain('<button type="submit" class="button--danger">Purge permanently</button>');
    expect(tagWithId(purge, 'purge-confirm')).toMatch(/type="checkbox"[^>]*required/);
    expect(text).toContain('It cannot be undone.');
    expect(page).toContain('<button type="submit" class="button--danger">Cancel placement</button>');
  });

  it('offers retry only for a failed placement', () => {
    expect(postTargetsOf(page)).not.toContain('placements/p-100/retry');
    const failed = renderPlacementPage(
      contextFor('coordinator'),
      placementView({ status: 'FAILED', waitingOn: undefined }),
    ).html;
    expect(postTargetsOf(failed)).toEqual([
      'auth/sign-out',
      'placements/p-100/retry',
      'placements/p-100/cancel',
      'placements/p-100/purge',
    ]);
  });

  it('offers only purge on a finished placement, and nothing once purged', () => {
    const cleared = renderPlacementPage(
      contextFor('coordinator'),
      placementView({ status: 'CLEARED', waitingOn: undefined }),
    ).html;
    expect(postTargetsOf(cleared)).toEqual(['auth/sign-out', 'placements/p-100/purge']);
    const purged = renderPlacementPage(
      contextFor('coordinator'),
      placementView({ status: 'CLEARED', purged: true }),
    ).html;
    expect(postTargetsOf(purged)).toEqual(['auth/sign-out']);
    expect(visibleText(purged)).toContain('have been purged');
  });

  it('shows a viewer no action at all, and a reviewer no waive, cancel, retry, purge or resend', () => {
    expect(postTargetsOf(renderPlacementPage(contextFor('viewer'), placementView()).html)).toEqual([
      'auth/sign-out',
    ]);
    const reviewer = renderPlacementPage(contextFor('reviewer'), placementView({ status: 'FAILED' })).html;
    expect(postTargetsOf(reviewer)).toEqual(['auth/sign-out']);
    expect(visibleText(reviewer)).not.toContain('Actions');
  });

  it('links a submitted document to its queue item for roles that verify, not for a viewer', () => {
    expect(hrefsOf(renderPlacementPage(contextFor('reviewer'), placementView()).html)).toContain(
      '/console/queue/p-100/d-2',
    );
    expect(hrefsOf(renderPlacementPage(contextFor('viewer'), placementView()).html)).not.toContain(
      '/console/queue/p-100/d-2',
    );
  });

  it('shows a refused waiver again with its errors by the fields, and opens nothing else', () => {
    const refused = renderPlacementPage(
      contextFor('coordinator'),
      placementView({
        form: {
          action: 'waivers',
          values: { requirementCode: 'BLS', reason: '' },
          errors: [{ path: 'reason', message: 'Give a reason for the waiver.' }],
        },
      }),
    ).html;
    expect(refused).toContain('<title>Error: Amara Okafor at Riverside General Hospital');
    expect(refused).toContain('<a href="#waivers-reason">Give a reason for the waiver.</a>');
    expect(tagWithId(refused, 'waivers-reason')).toContain('aria-invalid="true"');
    expect(refused).toContain('<option value="BLS" selected>');
    expect(refused).not.toMatch(/<details[^>]* open/);
  });

  it('opens the purge panel when the purge was refused', () => {
    const refused = renderPlacementPage(
      contextFor('coordinator'),
      placementView({
        form: {
          action: 'purge',
          values: {},
          errors: [{ path: 'confirm', message: 'Tick the box to confirm.' }],
        },
      }),
    ).html;
    expect(refused).toMatch(/<details class="card danger-zone" open>/);
    expect(tagWithId(refused, 'purge-confirm')).toContain('aria-invalid="true"');
  });

  it('escapes a hostile student name everywhere', () => {
    const hostile = renderPlacementPage(
      contextFor('coordinator'),
      placementView({ student: { id: 'S"1', name: '<script>x</script>', email: 'a@b' } }),
    ).html;
    expect(hostile).not.toContain('<script>x');
    expect(hostile).toContain('&lt;script&gt;x&lt;/script&gt;');
  });
});
