import { ForbiddenError, UnauthorizedError } from '../core/errors.js';

/** A token that is missing, malformed, unsigned, signed by another key, expired, or for another issuer or audience: 401. */
export class StaffTokenInvalidError extends UnauthorizedError {
  override readonly name = 'StaffTokenInvalidError';
}

/** No console session (none, unknown, idle too long or past its 12 hours): 401, or a redirect to sign in. */
export class StaffSessionRequiredError extends UnauthorizedError {
  override readonly name = 'StaffSessionRequiredError';
}

/** A valid token whose groups map to no console role: 403 FORBIDDEN. */
export class NoStaffRoleError extends ForbiddenError {
  override readonly name = 'NoStaffRoleError';
}

/** A signed-in person whose role does not allow the console action: 403 FORBIDDEN. */
export class ConsoleActionForbiddenError extends ForbiddenError {
  override readonly name = 'ConsoleActionForbiddenError';
}

/** A state-changing console request without a valid forgery-protection token, or from another site: 403. */
export class CsrfRejectedError extends ForbiddenError {
  override readonly name = 'CsrfRejectedError';
}

/** A sign-in callback that does not match a sign-in this browser started (state, PKCE, nonce, expiry): 401. */
export class SignInCallbackError extends UnauthorizedError {
  override readonly name = 'SignInCallbackError';
}
