import { type JsonReply, requestJson } from './http-json.js';

export interface UploadGrant {
  documentId: string;
  upload: { url: string; fields: Record<string, string> };
}

export const MINIMAL_PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** A student with their portal link: reads the checklist and uploads documents as the page does. */
export class Student {
  constructor(readonly portalUrl: string) {}

  status() {
    return requestJson<{
      placementId: string;
      status: string;
      requirements: Array<{ code: string; status: string; reason?: string }>;
    }>(`${this.portalUrl}/status`);
  }

  requestUpload(body: Record<string, unknown>): Promise<JsonReply<UploadGrant>> {
    return requestJson<UploadGrant>(`${this.portalUrl}/uploads`, { method: 'POST', body });
  }

  /** Asks for an upload, then posts the file to storage as a browser form would (fields first, then the file). */
  async upload(
    requirementCode: string,
    dates: { issuedOn?: string; expiresOn?: string },
    file: { bytes: Uint8Array; name?: string; contentType?: string } = { bytes: MINIMAL_PDF },
  ): Promise<string> {
    const contentType = file.contentType ?? 'application/pdf';
    const grant = await this.requestUpload({
      requirementCode,
      fileName: file.name ?? `${requirementCode.toLowerCase()}.pdf`,
      contentType,
      size: file.bytes.byteLength,
      ...dates,
    });
    if (grant.status !== 201)
      throw new Error(`upload request answered ${grant.status}: ${JSON.stringify(grant.body)}`);
    const form = new FormData();
    for (const [name, value] of Object.entries(grant.body.upload.fields)) form.append(name, value);
    form.append('file', new Blob([file.bytes], { type: contentType }), file.name ?? 'document.pdf');
    const stored = await fetch(grant.body.upload.url, { method: 'POST', body: form });
    if (stored.status >= 300) throw new Error(`storage answered ${stored.status}: ${await stored.text()}`);
    return grant.body.documentId;
  }
}
