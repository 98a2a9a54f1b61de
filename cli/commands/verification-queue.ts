/** `queue [--site ID] [--requirement CODE]`: the documents waiting for a staff verifier, oldest first. */
import type { VerificationQueuePage } from '../../functions/contract/http-api.js';
import { apiPath } from '../api-client.js';
import { formatTable } from '../text-table.js';
import type { Command } from './command.js';

export const verificationQueue: Command = {
  words: ['queue'],
  arguments: [],
  options: [
    { name: 'site', value: 'SITE_ID' },
    { name: 'requirement', value: 'CODE' },
    { name: 'limit', value: 'N' },
    { name: 'cursor', value: 'CURSOR' },
  ],
  summary:
    'List the documents waiting for a staff verifier, oldest first (verify or reject them with documents).',
  async run(input, context) {
    const api = await context.api();
    const { body: page } = await api.send<VerificationQueuePage>({
      method: 'GET',
      path: apiPath('verification-queue'),
      query: {
        siteId: input.options.get('site'),
        requirementCode: input.options.get('requirement')?.toUpperCase(),
        limit: input.options.get('limit'),
        cursor: input.options.get('cursor'),
      },
    });
    if (context.json) {
      context.printJson(page);
      return 0;
    }
    if (page.items.length === 0) {
      context.print('Nothing is waiting for verification.');
    } else {
      context.print(
        formatTable(
          [
            'SUBMITTED',
            'PLACEMENT',
            'DOCUMENT',
            'REQUIREMENT',
            'STUDENT',
            'SITE',
            'START',
            'ISSUED',
            'EXPIRES',
          ],
          page.items.map((item) => [
            item.submittedAt,
            item.placementId,
            item.documentId,
            item.requirementCode,
            item.student.name,
            item.siteId,
            item.startDate,
            item.issuedOn ?? '',
            item.expiresOn ?? '',
          ]),
        ),
      );
    }
    if (page.cursor) context.warn(`More documents follow: add --cursor ${page.cursor}.`);
    return 0;
  },
};
