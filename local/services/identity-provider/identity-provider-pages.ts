import {
  html,
  type RenderedPage,
  renderPage,
  type SafeHtml,
  trustedHtml,
} from '../../../functions/contract/page-kit.js';

/**
 * The local identity provider's own pages (sign-in, sign-out, errors), rendered with the portal's
 * page shell: labels on every field, the shared stylesheet allowed by its hash, no script, no
 * external assets. `formTargets` are the origins a form's redirect may land on (the console's
 * callback and sign-out URLs): browsers apply `form-action` to the redirects after a post too.
 */
export interface SignInPageProps {
  /** Where the form posts (the interaction's own URL). */
  readonly action: string;
  /** The email typed before, kept on a failed attempt. */
  readonly email?: string;
  /** Shown above the form after a failed attempt. */
  readonly error?: string;
  readonly formTargets: readonly string[];
}

export const renderSignInPage = (props: SignInPageProps): RenderedPage =>
  renderPage({
    title: props.error ? 'Sign in (error)' : 'Sign in',
    storageOrigins: props.formTargets,
    main: html`<h1>Sign in to the staff console</h1>
<p class="lead">Local demo provider. The accounts and passwords are in <code>.local/staff-accounts.json</code>.</p>
${props.error && html`<div class="form-message form-message--error" role="alert" id="sign-in-error"><p>${props.error}</p></div>`}
<form method="post" action="${props.action}" novalidate>
<div class="field">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required value="${props.email ?? ''}"${trustedHtml(props.error ? ' aria-describedby="sign-in-error" aria-invalid="true"' : '')}>
</div>
<div class="field">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
</div>
<button type="submit">Sign in</button>
</form>`,
  });

/** The sign-out confirmation: oidc-provider's own form (hidden xsrf field) and our buttons. */
export const renderSignOutPage = (providerForm: string, formTargets: readonly string[]): RenderedPage =>
  renderPage({
    title: 'Sign out',
    storageOrigins: formTargets,
    main: html`<h1>Sign out of the staff console?</h1>
${trustedHtml(providerForm)}
<button type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
<button type="submit" form="op.logoutForm">No, stay signed in</button>`,
  });

export const renderMessagePage = (title: string, message: SafeHtml | string): RenderedPage =>
  renderPage({ title, main: html`<h1>${title}</h1><p>${message}</p>` });
