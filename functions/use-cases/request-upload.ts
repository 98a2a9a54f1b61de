import { outstandingRequirements } from '../core/compliance.js';
import { ConflictError, NotFoundError } from '../core/errors.js';
import { MAX_UPLOAD_BYTES } from '../core/file-signature.js';
import type { StudentDocument } from '../core/model/student-document.js';
import { newDocumentId } from '../core/placement-id.js';
import type { Ports, UploadForm, UploadForms } from '../core/ports.js';
import { parseUploadRequest } from '../core/validation/upload-request.js';
import { openLink } from './open-link.js';

const UPLOAD_FORM_SECONDS = 15 * 60;

/**
 * A student asks to upload evidence for one outstanding requirement: the server picks the
 * object key, records the pending document, and answers with a presigned POST limited
 * to 10 MB and the declared content type.
 */
export const requestUpload = async (
  ports: Pick<Ports, 'links' | 'placements' | 'documents' | 'clock'> & { storage: UploadForms },
  token: string,
  body: unknown,
): Promise<{ documentId: string; upload: UploadForm }> => {
  const { placement } = await openLink(ports, token, 'portal');
  if (placement.status !== 'AWAITING_DOCUMENTS' && placement.status !== 'CHECKING') {
    throw new ConflictError('This placement is not collecting documents any more.');
  }
  const outstanding = outstandingRequirements(placement.requirements).map((requirement) => requirement.code);
  const request = parseUploadRequest(body, outstanding);
  const documentId = newDocumentId();
  const now = ports.clock.now().toISOString();
  const document: StudentDocument = {
    documentId,
    studentId: placement.student.id,
    placementId: placement.placementId,
    requirementCode: request.requirementCode,
    fileName: request.fileName,
    contentType: request.contentType,
    size: request.size,
    ...(request.issuedOn ? { issuedOn: request.issuedOn } : {}),
    ...(request.expiresOn ? { expiresOn: request.expiresOn } : {}),
    objectKey: `placements/${placement.placementId}/${documentId}`,
    status: 'PENDING',
    createdAt: now,
    updatedAt: now,
  };
  await ports.documents.saveDocument(document);
  // A purge marks the placement, then lists its documents: a record saved after that listing is seen
  // here instead, and taken back (the redacted student id would hide it from any later purge).
  if ((await ports.placements.getPlacement(placement.placementId))?.purge) {
    await ports.documents.deleteDocument(document.studentId, documentId);
    throw new NotFoundError('This link is not valid.');
  }
  const upload = await ports.storage.createUploadForm({
    key: document.objectKey,
    contentType: document.contentType,
    maxBytes: MAX_UPLOAD_BYTES,
    expiresInSeconds: UPLOAD_FORM_SECONDS,
  });
  return { documentId, upload };
};
