/** `documents verify` and `documents reject`: a staff verifier's decision on one SUBMITTED document. */
import type { Placement, VerificationDecisionInput } from '../../functions/contract/http-api.js';
import { apiPath } from '../api-client.js';
import { formatPlacement } from '../placement-output.js';
import { argument, type Command, type CommandContext, type CommandInput, requiredOption } from './command.js';

const sendDecision = async (
  input: CommandInput,
  context: CommandContext,
  decision: VerificationDecisionInput,
): Promise<number> => {
  const placementId = argument(input, 0);
  const documentId = argument(input, 1);
  const api = await context.api();
  const { body: placement } = await api.send<Placement>({
    method: 'POST',
    path: apiPath('placements', placementId, 'documents', documentId, 'verification'),
    body: decision,
  });
  if (context.json) {
    context.printJson(placement);
  } else {
    const requirement = placement.requirements.find((entry) => entry.documentId === documentId);
    const what = requirement ? `${requirement.code} (${documentId})` : documentId;
    context.print(
      decision.decision === 'verify'
        ? `Verified ${what} on placement ${placement.placementId}.`
        : `Sent back ${what} on placement ${placement.placementId}; the student is emailed the reason.`,
    );
    context.print(formatPlacement(placement));
  }
  return 0;
};

/** Only the options given, so that the API sees exactly what the verifier typed. */
const givenOptions = (input: CommandInput, names: Record<string, string>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(names)
      .map(([option, field]) => [field, input.options.get(option)] as const)
      .filter((entry): entry is readonly [string, string] => entry[1] !== undefined),
  );

export const documentsVerify: Command = {
  words: ['documents', 'verify'],
  arguments: ['PLACEMENT_ID', 'DOCUMENT_ID'],
  options: [
    { name: 'issued-on', value: 'DATE' },
    { name: 'expires-on', value: 'DATE' },
  ],
  summary: 'Verify a SUBMITTED document (optionally correcting the dates read off it, YYYY-MM-DD).',
  run: (input, context) =>
    sendDecision(input, context, {
      decision: 'verify',
      ...givenOptions(input, { 'issued-on': 'issuedOn', 'expires-on': 'expiresOn' }),
    }),
};

export const documentsReject: Command = {
  words: ['documents', 'reject'],
  arguments: ['PLACEMENT_ID', 'DOCUMENT_ID'],
  options: [
    { name: 'reason-code', value: 'CODE', required: true },
    { name: 'note', value: 'TEXT' },
  ],
  summary:
    'Send a SUBMITTED document back to the student: CODE is ILLEGIBLE, WRONG_DOCUMENT, NAME_MISMATCH, DATES_DO_NOT_MATCH, INCOMPLETE, NOT_SIGNED, EXPIRED or OTHER (OTHER needs --note).',
  run: (input, context) =>
    sendDecision(input, context, {
      decision: 'reject',
      reasonCode: requiredOption(
        input,
        'reason-code',
      ).toUpperCase() as VerificationDecisionInput['reasonCode'],
      ...givenOptions(input, { note: 'note' }),
    }),
};
