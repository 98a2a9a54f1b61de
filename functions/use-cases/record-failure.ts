import { isTerminalStatus } from '../core/placement-status.js';
import type { Ports } from '../core/ports.js';
import { failureEmail } from '../web/emails/failure-email.js';
import { sendEmailOnce } from './send-email-once.js';
import { updatePlacement, withHistory } from './update-placement.js';

/** Keeps only an error's name-like code: causes can carry data that must not be stored or mailed. */
const safeErrorName = (error: string | undefined) =>
  (error ?? 'UnknownError').replace(/[^A-Za-z0-9_.:-]/g, '').slice(0, 100) || 'UnknownError';

/**
 * RecordFailure: the placement becomes FAILED with the error kept, and the coordinator is told once.
 *
 * Only the placement's current execution (`executionName`, or the placement id for the first one) can
 * fail it: a failure reported by an execution the placement has moved on from — an old execution's
 * RecordFailure still retrying after a coordinator retry started `…-retry-1` — is ignored, so it can
 * neither flip the new run back to FAILED nor drop its pending task. (Its own execution still fails,
 * which raises the alarm.) A task event without an execution name (from a definition older than this
 * check) is taken as the current execution's.
 */
export const recordFailure = async (
  ports: Pick<Ports, 'placements' | 'ledger' | 'mailer' | 'clock'>,
  input: { placementId: string; executionName?: string; error?: string; cause?: string },
): Promise<void> => {
  const error = safeErrorName(input.error);
  let fromOtherExecution = false;
  const placement = await updatePlacement(ports, input.placementId, (current, now) => {
    fromOtherExecution =
      input.executionName !== undefined &&
      input.executionName !== (current.executionName ?? current.placementId);
    if (fromOtherExecution) return undefined;
    // A finished placement keeps its outcome; the failed execution still raises the alarm.
    if (current.status === 'FAILED' || isTerminalStatus(current.status)) return undefined;
    const { pendingTask: _abandoned, ...rest } = current;
    return withHistory({ ...rest, status: 'FAILED', failure: { error } }, now, 'FAILED', error);
  });
  // A purged placement has no one to write about (and its coordinator was told when it failed).
  if (fromOtherExecution || placement.status !== 'FAILED' || placement.purge) return;
  await sendEmailOnce(
    ports,
    `failure:${placement.placementId}:${placement.createdAt}:${placement.version}`,
    () => ({
      to: [placement.coordinatorEmail],
      ...failureEmail({
        studentName: placement.student.name,
        siteName: placement.siteName,
        placementId: placement.placementId,
      }),
    }),
  );
};
