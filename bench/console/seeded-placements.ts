import {
  type Placement,
  type PlacementRequirement,
  placementIdFor,
  type Site,
} from '../../functions/contract/table-seeding.js';

/**
 * The placements the console bench writes straight into the table: a few sites and programs, every
 * status in realistic shares, start dates spread over a year around today, requirements whose
 * statuses fit the placement's. Deterministic (a fixed-seed generator), so two runs seed alike.
 */

const PROGRAMS = ['Nursing BSN', 'Physical Therapy DPT', 'Pharmacy PharmD', 'Respiratory Therapy'];
const REQUIREMENTS = ['MMR', 'TB', 'BLS', 'HIPAA_TRAINING', 'BACKGROUND_CHECK', 'INFLUENZA'] as const;
/** Status and its share of placements. */
const STATUS_SHARES: readonly [Placement['status'], number][] = [
  ['CHECKING', 0.03],
  ['AWAITING_DOCUMENTS', 0.4],
  ['AWAITING_SITE_APPROVAL', 0.1],
  ['CLEARED', 0.37],
  ['DECLINED', 0.03],
  ['EXPIRED', 0.03],
  ['CANCELLED', 0.03],
  ['FAILED', 0.01],
];
const FIRST_NAMES = ['Ana', 'Ben', 'Chloé', 'Dmitri', 'Eun-ji', 'Farah', 'Gus', 'Hana', 'Ines', 'Jamal'];
const LAST_NAMES = ["O'Brien", 'Nguyen', 'García', 'Okafor', 'Schmidt', 'Patel', 'Kowalski', 'Haddad'];
const DAY_MS = 86_400_000;

/** mulberry32: a small fixed-seed generator (reproducible spreads, not security). */
const generator = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const day = (epochMs: number) => new Date(epochMs).toISOString().slice(0, 10);

export const seededSites = (now: Date): Site[] =>
  ['Mercy General', 'Lakeside Clinic', "St. Luke's Rehab", 'Northside Pharmacy', 'County Hospital'].map(
    (name, index) => ({
      siteId: `bench-site-${index + 1}`,
      name,
      adminEmails: [`admin${index + 1}@site.example`],
      requirements: [...REQUIREMENTS],
      documentsDueDays: 14,
      reminderIntervalHours: 72,
      siteReminderIntervalHours: 48,
      verification: 'staff',
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      version: 1,
    }),
  );

const requirementStatus = (status: Placement['status'], random: () => number) => {
  if (status === 'CLEARED' || status === 'AWAITING_SITE_APPROVAL') return 'ACCEPTED' as const;
  if (status === 'CHECKING') return 'MISSING' as const;
  const draw = random();
  return draw < 0.4 ? ('ACCEPTED' as const) : draw < 0.6 ? ('SUBMITTED' as const) : ('MISSING' as const);
};

/** Placement number `index` (0-based) of the seeded set. */
export const seededPlacement = (index: number, sites: readonly Site[], now: Date): Placement => {
  const random = generator(index + 1);
  const site = sites[Math.floor(random() * sites.length)] ?? sites[0];
  if (!site) throw new Error('No sites to seed placements at.');
  const draw = random();
  let cumulative = 0;
  const status =
    STATUS_SHARES.find(([, share]) => {
      cumulative += share;
      return draw < cumulative;
    })?.[0] ?? 'AWAITING_DOCUMENTS';
  const start = now.getTime() + Math.floor((random() - 0.4) * 300) * DAY_MS;
  const first = FIRST_NAMES[index % FIRST_NAMES.length] ?? 'Sam';
  const last = LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length] ?? 'Lee';
  const studentId = `S${String(100000 + index)}`;
  const createdAt = new Date(now.getTime() - Math.floor(random() * 60 * DAY_MS)).toISOString();
  const requirements: PlacementRequirement[] = REQUIREMENTS.map((code) => {
    const requirementState = requirementStatus(status, random);
    return {
      code,
      title: code,
      status: requirementState,
      ...(requirementState === 'ACCEPTED' ? { verification: 'staff' as const, verifiedAt: createdAt } : {}),
      ...(requirementState === 'SUBMITTED' ? { submittedAt: createdAt } : {}),
    };
  });
  return {
    placementId: placementIdFor(studentId, site.siteId, day(start)),
    status,
    student: { id: studentId, name: `${first} ${last}`, email: `${studentId.toLowerCase()}@school.example` },
    siteId: site.siteId,
    program: PROGRAMS[Math.floor(random() * PROGRAMS.length)] ?? 'Nursing BSN',
    startDate: day(start),
    endDate: day(start + 42 * DAY_MS),
    documentsDueDate: day(start - site.documentsDueDays * DAY_MS),
    coordinatorEmail: 'coordinator@school.example',
    requirements,
    history: [{ at: createdAt, type: 'CREATED', detail: `Placement at ${site.name} created (bench seed).` }],
    createdAt,
    updatedAt: createdAt,
    version: 1,
    rules: site.requirements,
    adminEmails: site.adminEmails,
    siteName: site.name,
    verification: 'staff',
    reminderIntervalHours: site.reminderIntervalHours,
    siteReminderIntervalHours: site.siteReminderIntervalHours,
    executionName: `bench-${index}`,
    approvalRound: 0,
    remindersSent: 0,
  } as Placement;
};
