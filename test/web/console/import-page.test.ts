import { describe, expect, it } from 'vitest';
import { renderImportPage } from '../../../functions/web/console/import-page.js';
import { tagWithId, visibleText } from '../page-inspection.js';
import { CSRF_TOKEN, contextFor, importInvalidView, importProgressView } from './console-fixtures.js';
import { hiddenValue, hrefsOf, postFormsOf, postTargetsOf } from './console-inspection.js';

describe('the import page', () => {
  it('uploads a CSV file in a multipart POST form with the CSRF token', () => {
    const page = renderImportPage(contextFor('coordinator'), { state: 'choose' }).html;
    const [, upload] = postFormsOf(page);
    expect(upload?.action).toBe('/console/import');
    expect(upload?.tag).toContain('enctype="multipart/form-data"');
    expect(upload && hiddenValue(upload, '_csrf')).toBe(CSRF_TOKEN);
    expect(tagWithId(page, 'import-file')).toMatch(
      /type="file"[^>]*name="file"[^>]*required[^>]*accept="\.csv,text\/csv"/,
    );
  });

  it('lists every bad row by number and field, in row order, and says nothing was created', () => {
    const page = renderImportPage(contextFor('coordinator'), importInvalidView()).html;
    const text = visibleText(page);
    expect(text).toContain('Nothing was created. 2 of the 120 rows in spring-term.csv have problems.');
    const rows = visibleText(/<table[\s\S]*?<\/table>/.exec(page)?.[0] ?? '');
    expect(rows).toContain('Row 3 student.email Must be an email address.');
    expect(rows).toContain('Row 7 startDate Must be a date as YYYY-MM-DD; got 14/01/2027.');
    expect(rows.indexOf('Row 3')).toBeLessThan(rows.indexOf('Row 7'));
    expect(page).toContain('<title>Error: Import placements');
    expect(postTargetsOf(page)).toEqual(['auth/sign-out', 'import']);
  });

  it('confirms the count to create, and starts the run with a POST', () => {
    const page = renderImportPage(contextFor('coordinator'), {
      state: 'confirm',
      fileName: 'spring-term.csv',
      importId: 'imp-42',
      toCreate: 118,
      alreadyExist: 2,
    }).html;
    expect(visibleText(page)).toContain(
      '118 placements will be created; 2 rows match placements that already exist',
    );
    expect(postTargetsOf(page)).toEqual(['auth/sign-out', 'import/imp-42']);
    expect(visibleText(page)).toContain('Create 118 placements');
  });

  it('shows progress as a progress bar with text and a Continue button that posts the next chunk, with no script or meta refresh', () => {
    const page = renderImportPage(contextFor('coordinator'), importProgressView()).html;
    expect(page).toContain('<progress id="import-progress-bar" max="120" value="76">63%</progress>');
    expect(visibleText(page)).toContain('76 of 120 rows done (63%)');
    expect(visibleText(page)).toContain('70 created, 5 already existed, 1 failed.');
    expect(visibleText(page)).toContain('Row 19 endDate');
    expect(page).toMatch(
      /<form method="post" action="\/console\/import\/imp-42"[^>]*>[\s\S]*name="_csrf"[\s\S]*<button type="submit">Continue<\/button>/,
    );
    expect(page).not.toContain('<script');
    expect(page).not.toContain('http-equiv');
  });

  it('links to the placements when the run has finished', () => {
    const page = renderImportPage(contextFor('coordinator'), {
      ...importProgressView(),
      finished: true,
    }).html;
    expect(visibleText(page)).toContain('Import finished');
    expect(hrefsOf(page)).toContain('/console/placements');
    expect(visibleText(page)).not.toContain('Continue');
  });

  it('escapes the file name and row messages', () => {
    const page = renderImportPage(contextFor('coordinator'), {
      state: 'invalid',
      fileName: '<script>f</script>.csv',
      rows: 2,
      issues: [{ row: 2, field: 'student.name', message: '<img src=x>' }],
    }).html;
    expect(page).not.toContain('<script>f');
    expect(page).not.toContain('<img src=x>');
  });
});
