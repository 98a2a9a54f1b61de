import type { Placement } from '../core/model/placement.js';
import type { StudentDocument } from '../core/model/student-document.js';
import type { ObjectDeletion, Ports } from '../core/ports.js';

export type DocumentDeletionPorts = Pick<Ports, 'documents'> & { storage: ObjectDeletion };

/**
 * The documents uploaded for this placement (not the student's documents of other placements), found
 * under the student's id: call it before that id is redacted.
 */
export const placementDocuments = async (
  ports: Pick<Ports, 'documents'>,
  placement: Placement,
): Promise<StudentDocument[]> =>
  (await ports.documents.listStudentDocuments(placement.student.id)).filter(
    (document) => document.placementId === placement.placementId,
  );

/**
 * Deletes each document's object, then its record: a crash in between leaves the record, so a re-run
 * finds the document again and finishes (deleting an object that is gone is a no-op). Without the
 * record, evidence reuse can never pick the document up again. Used by purge and by retention.
 */
export const deleteDocuments = async (
  ports: DocumentDeletionPorts,
  documents: readonly StudentDocument[],
): Promise<void> => {
  for (const document of documents) {
    await ports.storage.delete(document.objectKey);
    await ports.documents.deleteDocument(document.studentId, document.documentId);
  }
};
