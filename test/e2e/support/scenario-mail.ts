import type { SentEmail } from '../../../local/actors/mailbox.js';
import type { newScenario } from './scenario.js';
import type { TestCloud } from './test-cloud.js';

/** Every email the cloud sent to someone of this scenario (its student, coordinator or site admins), to or cc. */
export const scenarioMail = async (
  cloud: TestCloud,
  scenario: ReturnType<typeof newScenario>,
): Promise<SentEmail[]> => {
  const addresses = new Set([scenario.studentEmail, scenario.coordinatorEmail, ...scenario.admins]);
  return (await cloud.mailbox.all()).filter((email) =>
    [...email.destination.to, ...email.destination.cc].some((address) => addresses.has(address)),
  );
};
