import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The console's roles (DESIGN "Staff console and sign-in"), one demo account each. */
export const STAFF_ROLES = ['coordinator', 'reviewer', 'viewer'] as const;
export type DemoStaffRole = (typeof STAFF_ROLES)[number];

/** The group a role's members are in, as the Cognito user pool's groups are named. */
export const ROLE_GROUPS: Record<DemoStaffRole, string> = {
  coordinator: 'coordinators',
  reviewer: 'reviewers',
  viewer: 'viewers',
};

/** One demo account of the local identity provider, as written to `staff-accounts.json`. */
export interface StaffAccount {
  readonly email: string;
  readonly password: string;
  readonly role: DemoStaffRole;
}

export const STAFF_ACCOUNTS_FILE = 'staff-accounts.json';

const isAccount = (value: unknown): value is StaffAccount => {
  const account = value as Partial<StaffAccount> | null;
  return (
    typeof account?.email === 'string' &&
    typeof account.password === 'string' &&
    account.password.length > 0 &&
    STAFF_ROLES.includes(account.role as DemoStaffRole)
  );
};

/**
 * The demo accounts kept in `<dataDir>/staff-accounts.json`: read when the file holds one account per
 * role, otherwise made with fresh passwords (96 bits from the CSPRNG each, hex: nothing a shell or a URL treats specially) and written, so a restart
 * keeps the passwords people were shown.
 */
export async function loadOrCreateStaffAccounts(dataDir: string): Promise<StaffAccount[]> {
  const file = join(dataDir, STAFF_ACCOUNTS_FILE);
  try {
    const stored: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (
      Array.isArray(stored) &&
      stored.every(isAccount) &&
      STAFF_ROLES.every((role) => stored.some((account) => account.role === role))
    ) {
      return stored;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && !(error instanceof SyntaxError)) throw error;
  }
  const accounts = STAFF_ROLES.map((role) => ({
    email: `${role}@demo.school.example`,
    password: randomBytes(12).toString('hex'),
    role,
  }));
  await writeFile(file, `${JSON.stringify(accounts, null, 2)}\n`, { mode: 0o600 });
  return accounts;
}
