/** The site every fresh local cloud has, so that a placement can be created right away. */
export const DEMO_SITE_ID = 'demo-hospital';

export const DEMO_SITE = {
  name: 'Demo Hospital',
  adminEmails: ['site-admin@demo-hospital.example'],
  requirements: [
    'MMR',
    'VARICELLA',
    'HEPATITIS_B',
    'TDAP',
    'TB',
    'INFLUENZA',
    'BLS',
    'BACKGROUND_CHECK',
    'HIPAA_TRAINING',
  ],
  documentsDueDays: 14,
  reminderIntervalHours: 72,
  siteReminderIntervalHours: 48,
  // A person at the school checks every document (`npm run demo` plays that reviewer too).
  verification: 'staff',
};

/**
 * Puts the demo site through the coordinator API (PUT is idempotent, so this runs on every start).
 * Returns a warning when it could not, undefined when it worked or when there is no such route yet.
 */
export async function seedDemoSite(apiUrl: string, hasSitesRoute: boolean): Promise<string | undefined> {
  if (!hasSitesRoute) return undefined;
  try {
    const response = await fetch(`${apiUrl}/sites/${DEMO_SITE_ID}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(DEMO_SITE),
    });
    if (response.ok) return undefined;
    const body = (await response.text()).slice(0, 300);
    return `could not seed the demo site: PUT /sites/${DEMO_SITE_ID} returned ${response.status} ${body}`;
  } catch (error) {
    return `could not seed the demo site: ${(error as Error).message}`;
  }
}
