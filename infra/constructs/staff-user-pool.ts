import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnManagedLoginBranding,
  FeaturePlan,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { consoleSignInParameterNames } from '../resource-names.js';
import { DEFAULT_ROLE_MAP } from '../staff-sign-in-settings.js';

/** Paths of the console the provider sends people back to (under `publicBaseUrl`). */
export const CONSOLE_CALLBACK_PATH = '/console/auth/callback';
export const CONSOLE_SIGNED_OUT_PATH = '/console/signed-out';

export interface StaffUserPoolProps {
  /** Short lowercase stage name, used in the SSM parameter names and descriptions. */
  readonly stage: string;
  /** Origin the console is served from; its callback and sign-out URLs are under it. */
  readonly publicBaseUrl: string;
  /** `required`: every staff account must set up an authenticator app (TOTP) before signing in. */
  readonly mfa: 'required' | 'optional';
  /** Prefix of the managed-login domain, `<prefix>.auth.<region>.amazoncognito.com`. */
  readonly domainPrefix: string;
  /** RETAIN also turns on the pool's deletion protection. */
  readonly removalPolicy: RemovalPolicy;
}

/**
 * The school's staff directory for the console: a Cognito user pool with no self sign-up (a
 * coordinator or an administrator adds staff), email sign-in, a strong password policy, TOTP MFA
 * (required in `prod`), one group per console role and Cognito's managed login pages. The console is
 * a public app client using the authorization code flow with PKCE, so there is no client secret to
 * keep. The pool's issuer, the client id and the sign-out URL are published in SSM parameters that
 * the stateless stack reads at deploy time (no export ties the stacks).
 */
export class StaffUserPool extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string, props: StaffUserPoolProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const retain = props.removalPolicy === RemovalPolicy.RETAIN;

    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: `placement-onboarding-${props.stage}-staff`,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      mfa: props.mfa === 'required' ? Mfa.REQUIRED : Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: retain,
      removalPolicy: props.removalPolicy,
    });
    Validations.of(this.userPool).acknowledge(
      ...(props.mfa === 'required'
        ? []
        : [
            {
              id: 'AwsSolutions-COG2',
              reason:
                'MFA is optional in this non-production stage (staffMfa); prod refuses to synthesize without it.',
            },
          ]),
      {
        id: 'AwsSolutions-COG8',
        reason:
          'The Essentials plan gives managed login and TOTP; Plus adds threat protection at a per-user charge a school may choose later (featurePlan). Sign-in is email, a 12-character password and TOTP in prod; there is no self sign-up.',
      },
    );

    for (const [groupName, role] of Object.entries(DEFAULT_ROLE_MAP)) {
      new UserPoolGroup(this, `${role}-group`, {
        userPool: this.userPool,
        groupName,
        description: `Console role: ${role}`,
      });
    }

    const domain = this.userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: props.domainPrefix },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });

    this.client = this.userPool.addClient('ConsoleClient', {
      userPoolClientName: 'staff-console',
      generateSecret: false,
      authFlows: {},
      preventUserExistenceErrors: true,
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [`${props.publicBaseUrl}${CONSOLE_CALLBACK_PATH}`],
        logoutUrls: [`${props.publicBaseUrl}${CONSOLE_SIGNED_OUT_PATH}`],
      },
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      enableTokenRevocation: true,
    });

    // Managed login pages render only with a style; Cognito's own is the accessible default.
    new CfnManagedLoginBranding(this, 'ManagedLoginBranding', {
      userPoolId: this.userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      useCognitoProvidedValues: true,
    }).node.addDependency(domain);

    const names = consoleSignInParameterNames(props.stage);
    new StringParameter(this, 'IssuerParameter', {
      parameterName: names.issuer,
      // CloudFormation's ProviderURL, `cognito-idp.<region>.amazonaws.com/<pool id>`: the issuer without
      // its `https://` scheme, which the console's configuration adds (functions read it as an issuer).
      stringValue: this.userPool.userPoolProviderUrl,
      description: `OpenID Connect issuer (Cognito provider URL) of the staff console (${props.stage})`,
    });
    new StringParameter(this, 'ClientIdParameter', {
      parameterName: names.clientId,
      stringValue: this.client.userPoolClientId,
      description: `OpenID Connect client id of the staff console (${props.stage})`,
    });
    new StringParameter(this, 'SignOutUrlParameter', {
      parameterName: names.signOutUrl,
      // Cognito's discovery document has no end_session_endpoint; its managed login signs out here.
      stringValue: `https://${props.domainPrefix}.auth.${stack.region}.amazoncognito.com/logout`,
      description: `Where the staff console ends a Cognito session (${props.stage})`,
    });
  }
}
