import { ConflictError, ValidationError } from '../core/errors.js';
import type { ChangedBy, Placement } from '../core/model/placement.js';
import { isTerminalStatus } from '../core/placement-status.js';
import type { Ports } from '../core/ports.js';
import { parseWaiverInput } from '../core/validation/waiver-input.js';
import { resumeDocumentCollectionIfComplete } from './resume-document-collection.js';
import { updatePlacement, withHistory } from './update-placement.js';
import { withdrawStaleSubmissions } from './withdraw-stale-submissions.js';

/** The coordinator waives one requirement; when that was the last one outstanding, the workflow moves on. */
export const waiveRequirement = async (
  ports: Pick<Ports, 'placements' | 'documents' | 'workflow' | 'clock'>,
  placementId: string,
  body: unknown,
  by?: ChangedBy,
): Promise<Placement> => {
  const waiver = parseWaiverInput(body);
  const placement = await updatePlacement(ports, placementId, (current, now) => {
    // A purge keeps a FAILED placement FAILED; it takes no more text about the student all the same.
    if (current.purge) {
      throw new ConflictError('The placement was purged; its requirements can no longer be waived.');
    }
    if (isTerminalStatus(current.status)) {
      throw new ConflictError(
        `The placement is ${current.status}; its requirements can no longer be waived.`,
      );
    }
    const target = current.requirements.find((requirement) => requirement.code === waiver.requirementCode);
    if (!target) {
      throw new ValidationError([
        {
          path: 'requirementCode',
          message: `${waiver.requirementCode} is not a requirement of this placement`,
        },
      ]);
    }
    if (target.status === 'WAIVED' && target.reason === waiver.reason) return undefined;
    const requirements = current.requirements.map((requirement) =>
      requirement.code === waiver.requirementCode
        ? {
            code: requirement.code,
            title: requirement.title,
            status: 'WAIVED' as const,
            reason: waiver.reason,
          }
        : requirement,
    );
    return withHistory(
      { ...current, requirements },
      now,
      'REQUIREMENT_WAIVED',
      `${waiver.requirementCode}: ${waiver.reason}`,
      by,
    );
  });
  await resumeDocumentCollectionIfComplete(ports, placement);
  // A waived requirement's upload waiting for a verifier needs no decision any more.
  await withdrawStaleSubmissions(ports, placement);
  return placement;
};
