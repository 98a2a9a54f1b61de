/** Placements as people read them: a list table, and one placement's fields, requirements and history. */
import type { PlacementView } from '../functions/contract/index.js';
import { formatFields, formatTable } from './text-table.js';

/** Requirements the student still has to provide (missing, or rejected and to be redone). */
export const outstandingCount = (placement: PlacementView): number =>
  placement.requirements.filter(
    (requirement) => requirement.status === 'MISSING' || requirement.status === 'REJECTED',
  ).length;

export function formatPlacementList(placements: readonly PlacementView[]): string {
  if (placements.length === 0) return 'No placements.';
  return formatTable(
    ['ID', 'STUDENT', 'SITE', 'STATUS', 'START', 'OUTSTANDING'],
    placements.map((placement) => [
      placement.placementId,
      placement.student.name,
      placement.siteId,
      placement.status,
      placement.startDate,
      String(outstandingCount(placement)),
    ]),
  );
}

export function formatPlacement(placement: PlacementView): string {
  const { student, decision, failure } = placement;
  const fields = formatFields([
    ['Placement', placement.placementId],
    ['Status', placement.status],
    ['Student', `${student.name} <${student.email}> (id ${student.id})`],
    ['Site', placement.siteId],
    ['Program', placement.program],
    ['Dates', `${placement.startDate} to ${placement.endDate}`],
    ['Documents due', placement.documentsDueDate],
    ['Coordinator', placement.coordinatorEmail],
    ['Outstanding', `${outstandingCount(placement)} of ${placement.requirements.length} requirements`],
    [
      'Decision',
      decision &&
        `${decision.decision} by ${decision.by} at ${decision.at}${decision.reason ? `: ${decision.reason}` : ''}`,
    ],
    ['Failure', failure?.error],
    ['Created', placement.createdAt],
    ['Updated', placement.updatedAt],
  ]);
  const requirements =
    placement.requirements.length === 0
      ? 'None.'
      : formatTable(
          ['CODE', 'STATUS', 'TITLE', 'REASON'],
          placement.requirements.map((requirement) => [
            requirement.code,
            requirement.status,
            requirement.title,
            requirement.reason ?? '',
          ]),
        );
  const history =
    placement.history.length === 0
      ? 'None.'
      : formatTable(
          ['AT', 'EVENT', 'DETAIL'],
          placement.history.map((entry) => [entry.at, entry.type, entry.detail ?? '']),
          { maxCellWidth: 80 },
        );
  return `${fields}\n\nRequirements\n${requirements}\n\nHistory\n${history}`;
}
