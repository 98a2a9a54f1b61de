import { EmailInFlightError } from '../core/errors.js';
import type { EmailMessage, Ports } from '../core/ports.js';

/**
 * How long a claim on an email keeps other attempts off it: longer than any function that sends email
 * can run (TIMEOUT_BY_PURPOSE in infra/constructs/onboarding-function.ts: 15 s for a task, 10 s for the
 * API, whose cancel mails), so an attempt still inside its send is never doubled; shorter than the
 * workflow's `EmailInFlightError` retries (5, 10, 20, 40, 80 s apart), so a crashed attempt's email is sent
 * by a retry. The API answers `EmailInFlightError` with 503 and `Retry-After` of this many seconds.
 * test/infra/stateless-stack.test.ts checks that every function granted SES sending times out sooner
 * (apply-retention's 10 minutes is fine: it has no SES grant and sends no email).
 */
export const EMAIL_LEASE_SECONDS = 30;

const COMPLETE_ATTEMPTS = 3;

/**
 * Sends an email once per `key`, whatever retries happen around it. The key is claimed with a
 * lease, the email sent, then the claim marked done; a failed send gives the claim back.
 *
 * If the function dies between claiming and marking (a crash or a timeout), the claim stays pending
 * until its lease runs out; until then a retry gets `EmailInFlightError` (retry-able), and after it
 * sends the email. So no email is lost; the one case that sends twice is a crash after SES accepted
 * the email and before the claim was marked — at least once rather than at most once, because a
 * student never told about their documents is worse than one repeated email.
 *
 * Returns whether this call sent it.
 */
export const sendEmailOnce = async (
  ports: Pick<Ports, 'ledger' | 'mailer'>,
  key: string,
  compose: () => EmailMessage | Promise<EmailMessage>,
): Promise<boolean> => {
  const ledgerKey = `mail:${key}`;
  const claim = await ports.ledger.claim(ledgerKey, EMAIL_LEASE_SECONDS);
  if (claim.outcome === 'done') return false;
  if (claim.outcome === 'in-flight') {
    throw new EmailInFlightError(
      `Another attempt is sending this email; its claim runs until ${claim.leaseUntil}.`,
    );
  }
  try {
    await ports.mailer.send(await compose());
  } catch (error) {
    // Give the claim back so the retry sends it at once; if even that fails, the lease frees it later.
    await ports.ledger.release(ledgerKey, claim.claimId).catch(() => undefined);
    throw error;
  }
  await markSent(ports, ledgerKey, claim.claimId);
  return true;
};

/**
 * The email is out: failing the task now would only make a retry send it again once the lease ran
 * out, so marking is retried here and, if the ledger stays unavailable, left to the lease.
 */
const markSent = async (ports: Pick<Ports, 'ledger'>, ledgerKey: string, claimId: string) => {
  for (let attempt = 1; attempt <= COMPLETE_ATTEMPTS; attempt++) {
    try {
      await ports.ledger.complete(ledgerKey, claimId);
      return;
    } catch {
      if (attempt < COMPLETE_ATTEMPTS) await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
};
