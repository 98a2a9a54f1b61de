import { describe, expect, it } from 'vitest';
import {
  committedHttpApiTypes,
  generateHttpApiTypes,
  HTTP_API_TYPES_PATH,
} from './support/http-api-types-generator.js';

describe(`${HTTP_API_TYPES_PATH}`, () => {
  it('is exactly what openapi-typescript generates from docs/openapi.yaml today (run `npm run contract:types`)', async () => {
    expect(await generateHttpApiTypes()).toBe(committedHttpApiTypes());
  });

  it('holds the document schemas the CLI and the tests read', () => {
    const committed = committedHttpApiTypes();
    for (const schema of ['Placement', 'Site', 'PurgeResult', 'PortalStatus', 'UploadGrant', 'Error']) {
      expect(committed).toContain(`    ${schema}: {`);
    }
  });
});
