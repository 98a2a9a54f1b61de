/** `placements create`: one placement from flags (the same student, site and start date again is not a duplicate). */
import type { PlacementView } from '../../functions/contract/index.js';
import { apiPath } from '../api-client.js';
import { formatPlacement } from '../placement-output.js';
import { type Command, requiredOption } from './command.js';

export const placementsCreate: Command = {
  words: ['placements', 'create'],
  arguments: [],
  options: [
    { name: 'student-id', value: 'ID', required: true },
    { name: 'student-name', value: 'NAME', required: true },
    { name: 'student-email', value: 'EMAIL', required: true },
    { name: 'site', value: 'SITE_ID', required: true },
    { name: 'program', value: 'TEXT', required: true },
    { name: 'start', value: 'YYYY-MM-DD', required: true },
    { name: 'end', value: 'YYYY-MM-DD', required: true },
    { name: 'coordinator', value: 'EMAIL', required: true },
  ],
  summary: 'Create one placement (or show the existing one for the same student, site and start date).',
  async run(input, context) {
    const option = (name: string) => requiredOption(input, name);
    const body = {
      student: { id: option('student-id'), name: option('student-name'), email: option('student-email') },
      siteId: option('site'),
      program: option('program'),
      startDate: option('start'),
      endDate: option('end'),
      coordinatorEmail: option('coordinator'),
    };
    const api = await context.api();
    const { status, body: placement } = await api.send<PlacementView>({
      method: 'POST',
      path: apiPath('placements'),
      body,
    });
    if (context.json) {
      context.printJson(placement);
      return 0;
    }
    context.print(
      status === 201
        ? `Created placement ${placement.placementId}.`
        : `Placement ${placement.placementId} already existed (same student, site and start date).`,
    );
    context.print(formatPlacement(placement));
    return 0;
  },
};
