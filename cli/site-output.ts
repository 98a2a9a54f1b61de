/** A site as people read it. */
import type { Site } from '../functions/contract/index.js';
import { formatFields } from './text-table.js';

/** A site as the API returns it (no internal version counter). */
export type SiteView = Omit<Site, 'version'>;

export function formatSite(site: SiteView): string {
  const requirements = site.requirements.map((requirement) => {
    if (typeof requirement === 'string') return requirement;
    const window = [
      requirement.years !== undefined ? `${requirement.years} years` : '',
      requirement.months !== undefined ? `${requirement.months} months` : '',
    ].filter((part) => part !== '');
    return window.length > 0 ? `${requirement.code} (${window.join(', ')})` : requirement.code;
  });
  return formatFields([
    ['Site', site.siteId],
    ['Name', site.name],
    ['Admins', site.adminEmails.join(', ')],
    ['Requirements', requirements.length > 0 ? requirements.join(', ') : 'none'],
    ['Documents due', `${site.documentsDueDays} days before the start date`],
    [
      'Reminders',
      `students every ${site.reminderIntervalHours} h, site admins every ${site.siteReminderIntervalHours} h`,
    ],
    ['Created', site.createdAt],
    ['Updated', site.updatedAt],
  ]);
}
