import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { PendingSignInTable } from '../adapters/dynamodb/pending-sign-in-table.js';
import { StaffSessionTable } from '../adapters/dynamodb/staff-session-table.js';
import { mailPort } from '../composition/mail-port.js';
import { storagePort } from '../composition/storage-port.js';
import { tablePorts } from '../composition/table-ports.js';
import { workflowPort } from '../composition/workflow-port.js';
import { readConsoleConfig } from '../config/function-config.js';
import type { ConsoleSignInProvider } from '../console/console-request.js';
import { createConsoleHandler } from '../handlers/console.js';
import { OidcRelyingParty } from '../staff-auth/oidc-relying-party.js';
import { createStaffTokenVerifier } from '../staff-auth/staff-token-verifier.js';

/** console's composition root: its configuration, read once at cold start, and its ports. */
const config = readConsoleConfig();
const { clock, documentVersions } = config.local;
const { signIn } = config;
const client = new DynamoDBClient({});
const documentClient = DynamoDBDocumentClient.from(client, {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
});

/** The provider's discovery document and keys, read on the first sign-in and kept (a failure is retried). */
let provider: Promise<ConsoleSignInProvider> | undefined;
const signInProvider = (): Promise<ConsoleSignInProvider> => {
  provider ??= OidcRelyingParty.discover({
    issuer: signIn.issuer,
    clientId: signIn.clientId,
    redirectUri: signIn.redirectUri,
    postLogoutRedirectUri: signIn.postLogoutRedirectUri,
  })
    .then((relyingParty) => ({
      relyingParty,
      verifier: createStaffTokenVerifier({
        issuer: relyingParty.issuer,
        audience: signIn.clientId,
        keys: relyingParty.jwksUri,
        rolesClaim: signIn.rolesClaim,
        roleMap: signIn.roleMap,
      }),
    }))
    .catch((error: unknown) => {
      provider = undefined;
      throw error;
    });
  return provider;
};

export const handler = createConsoleHandler({
  ...tablePorts(config.tableName, clock, client),
  workflow: workflowPort(config.stateMachineArn),
  storage: storagePort(config.documentsBucket, documentVersions),
  mailer: mailPort(config.mail),
  clock,
  config: { publicBaseUrl: config.publicBaseUrl },
  sessions: new StaffSessionTable(documentClient, config.tableName),
  pendingSignIns: new PendingSignInTable(documentClient, config.tableName),
  signInProvider,
  clientId: signIn.clientId,
  ...(config.signOutUrl ? { providerSignOutUrl: config.signOutUrl } : {}),
});
