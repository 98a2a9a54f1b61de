import type { EmailMessage, Ports } from '../core/ports.js';

/**
 * Sends an email at most once per `key`, whatever retries happen around it: the key is
 * claimed first and given back if sending fails, so a retry sends it then.
 * Returns whether this call sent it.
 */
export const sendEmailOnce = async (
  ports: Pick<Ports, 'ledger' | 'mailer'>,
  key: string,
  compose: () => EmailMessage | Promise<EmailMessage>,
): Promise<boolean> => {
  if (!(await ports.ledger.claim(`mail:${key}`))) return false;
  try {
    await ports.mailer.send(await compose());
    return true;
  } catch (error) {
    // Give the claim back so the retry sends it; if even that fails, the send error is what matters.
    await ports.ledger.release(`mail:${key}`).catch(() => undefined);
    throw error;
  }
};
