import { isTerminalStatus } from '../core/placement-status.js';
import type { Ports } from '../core/ports.js';
import { failureEmail } from '../web/emails/failure-email.js';
import { sendEmailOnce } from './send-email-once.js';
import { updatePlacement, withHistory } from './update-placement.js';

/** Keeps only an error's name-like code: causes can carry data that must not be stored or mailed. */
const safeErrorName = (error: string | undefined) =>
  (error ?? 'UnknownError').replace(/[^A-Za-z0-9_.:-]/g, '').slice(0, 100) || 'UnknownError';

/** RecordFailure: the placement becomes FAILED with the error kept, and the coordinator is told once. */
export const recordFailure = async (
  ports: Pick<Ports, 'placements' | 'ledger' | 'mailer' | 'clock'>,
  input: { placementId: string; error?: string; cause?: string },
): Promise<void> => {
  const error = safeErrorName(input.error);
  const placement = await updatePlacement(ports, input.placementId, (current, now) => {
    // A finished placement keeps its outcome; the failed execution still raises the alarm.
    if (current.status === 'FAILED' || isTerminalStatus(current.status)) return undefined;
    const { pendingTask: _abandoned, ...rest } = current;
    return withHistory({ ...rest, status: 'FAILED', failure: { error } }, now, 'FAILED', error);
  });
  if (placement.status !== 'FAILED') return;
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
