import { Arn, ArnFormat, Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { type IRole, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { acknowledgeWildcardResource } from '../checks.js';
import { DOCUMENTS_PREFIX } from '../stacks/stateful-stack.js';
import type { MailSending } from './mail-sending.js';
import type { OnboardingFunction } from './onboarding-function.js';

/*
 * Each helper grants one kind of access and sets the environment variable that names the resource,
 * so a function has a variable exactly when it may use what the variable names. Where a grant needs
 * a wildcard resource, the helper acknowledges that exact cdk-nag finding on the function's role.
 *
 * A table or bucket encrypted with a customer-managed key carries it (`encryptionKey`, given when the
 * stateless stack imports them); the helper then also grants the KMS actions that access needs, and
 * only through that service (`kms:ViaService`): the function cannot call KMS on the key directly.
 */

/**
 * Item reads and writes on the one table, and queries on its indexes, with the use of its key.
 * No Scan (never on a request path), no transactions (the local DynamoDB lacks them), no table admin.
 */
export function grantTable(fn: OnboardingFunction, table: ITable): void {
  const indexesArn = `${table.tableArn}/index/*`;
  allow(fn, {
    actions: [
      'dynamodb:GetItem',
      'dynamodb:BatchGetItem',
      'dynamodb:Query',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
      'dynamodb:BatchWriteItem',
      'dynamodb:ConditionCheckItem',
    ],
    resources: [table.tableArn, indexesArn],
  });
  acknowledgeWildcardResource(
    roleOf(fn),
    indexesArn,
    'Covers only the indexes (byStatus, bySite) of the one table, which listings query.',
  );
  allowKeyUse(fn, table.encryptionKey, 'dynamodb', ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey']);
  fn.addEnvironment('TABLE_NAME', table.tableName);
}

/**
 * s3:PutObject under placements/: all that a presigned POST signed by this function needs, and the
 * key use S3 asks of the signer to encrypt the upload (kms:GenerateDataKey; kms:Decrypt as well, as S3
 * documents for uploads in parts). Without s3:GetObject, the function still cannot read a document.
 */
export function grantDocumentsUpload(fn: OnboardingFunction, bucket: IBucket): void {
  allow(fn, { actions: ['s3:PutObject'], resources: [documentObjectsArn(bucket)] });
  allowKeyUse(fn, bucket.encryptionKey, 's3', ['kms:GenerateDataKey', 'kms:Decrypt']);
  setDocumentsBucket(fn, bucket);
}

/**
 * s3:GetObject under placements/ (reads, and presigned download links), with s3:ListBucket limited to
 * that prefix so that a missing object answers 404 rather than 403, and kms:Decrypt to read it.
 */
export function grantDocumentsRead(fn: OnboardingFunction, bucket: IBucket): void {
  allow(fn, { actions: ['s3:GetObject'], resources: [documentObjectsArn(bucket)] });
  allowKeyUse(fn, bucket.encryptionKey, 's3', ['kms:Decrypt']);
  allow(fn, {
    actions: ['s3:ListBucket'],
    resources: [bucket.bucketArn],
    conditions: { StringLike: { 's3:prefix': [`${DOCUMENTS_PREFIX}*`] } },
  });
  setDocumentsBucket(fn, bucket);
}

/**
 * Deleting documents for good (a purge, the retention sweep, an upload that failed its checks): the
 * bucket is versioned, so the deletion lists the versions of the one key (s3:ListBucketVersions, only
 * for prefixes under placements/) and deletes each by its VersionId (s3:DeleteObjectVersion under
 * placements/), along with s3:DeleteObject, which S3 documents as always required to delete (and a
 * store without versions, the local S3, takes a plain delete). No key use: nothing is decrypted.
 */
export function grantDocumentsDelete(fn: OnboardingFunction, bucket: IBucket): void {
  allow(fn, {
    actions: ['s3:DeleteObject', 's3:DeleteObjectVersion'],
    resources: [documentObjectsArn(bucket)],
  });
  allow(fn, {
    actions: ['s3:ListBucketVersions'],
    resources: [bucket.bucketArn],
    conditions: { StringLike: { 's3:prefix': [`${DOCUMENTS_PREFIX}*`] } },
  });
  setDocumentsBucket(fn, bucket);
}

/** Sending from the configured sender address only, through the configuration set. */
export function grantMail(fn: OnboardingFunction, mail: MailSending): void {
  allow(fn, {
    actions: ['ses:SendEmail', 'ses:SendRawEmail'],
    resources: [...mail.identityArns, mail.configurationSetArn],
    conditions: { StringEquals: { 'ses:FromAddress': mail.senderEmail } },
  });
  fn.addEnvironment('SENDER_EMAIL', mail.senderEmail);
  if (mail.replyToEmail) fn.addEnvironment('REPLY_TO_EMAIL', mail.replyToEmail);
  fn.addEnvironment('SES_CONFIGURATION_SET', mail.configurationSet.configurationSetName);
}

export function grantWorkflowStart(fn: OnboardingFunction, stateMachine: IStateMachine): void {
  allow(fn, { actions: ['states:StartExecution'], resources: [stateMachine.stateMachineArn] });
  setStateMachineArn(fn, stateMachine);
}

/** states:StopExecution on the executions of this state machine only: `arn:…:execution:<name>:*`. */
export function grantWorkflowStop(fn: OnboardingFunction, stateMachine: IStateMachine): void {
  const executionsArn = executionsArnOf(stateMachine);
  allow(fn, { actions: ['states:StopExecution'], resources: [executionsArn] });
  acknowledgeWildcardResource(
    roleOf(fn),
    executionsArn,
    'Cancelling stops the execution of one placement (named after it); the grant covers only executions of ' +
      'the onboarding state machine.',
  );
  setStateMachineArn(fn, stateMachine);
}

/**
 * SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat, scoped to this state machine (as the CDK's own
 * grantTaskResponse does: for Lambda callback tasks Step Functions authorizes against the state machine).
 */
export function grantWorkflowTaskResponse(fn: OnboardingFunction, stateMachine: IStateMachine): void {
  allow(fn, {
    actions: ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'],
    resources: [stateMachine.stateMachineArn],
  });
  setStateMachineArn(fn, stateMachine);
}

/** Not a grant: the origin emailed links start with, for the functions that build links. */
export function setPublicBaseUrl(fn: OnboardingFunction, publicBaseUrl: string): void {
  fn.addEnvironment('PUBLIC_BASE_URL', publicBaseUrl);
}

/** The ARN pattern of every execution of a state machine. */
export function executionsArnOf(stateMachine: IStateMachine): string {
  const stateMachineName = Arn.split(
    stateMachine.stateMachineArn,
    ArnFormat.COLON_RESOURCE_NAME,
  ).resourceName;
  return Stack.of(stateMachine).formatArn({
    service: 'states',
    resource: 'execution',
    resourceName: `${stateMachineName}:*`,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
}

function allow(fn: OnboardingFunction, statement: ConstructorParameters<typeof PolicyStatement>[0]): void {
  fn.addToRolePolicy(new PolicyStatement(statement));
}

/** KMS actions on a resource's customer-managed key (none for AWS-owned or AWS-managed keys), via one service. */
function allowKeyUse(
  fn: OnboardingFunction,
  key: IKey | undefined,
  service: 'dynamodb' | 's3',
  actions: string[],
): void {
  if (!key) return;
  allow(fn, {
    actions,
    resources: [key.keyArn],
    conditions: { StringEquals: { 'kms:ViaService': `${service}.${Stack.of(fn).region}.amazonaws.com` } },
  });
}

/** Functions whose role already carries the acknowledgement for the placements/* object wildcard. */
const documentsAcknowledged = new WeakSet<OnboardingFunction>();

function documentObjectsArn(bucket: IBucket): string {
  return bucket.arnForObjects(`${DOCUMENTS_PREFIX}*`);
}

function setDocumentsBucket(fn: OnboardingFunction, bucket: IBucket): void {
  if (!documentsAcknowledged.has(fn)) {
    documentsAcknowledged.add(fn);
    acknowledgeWildcardResource(
      roleOf(fn),
      documentObjectsArn(bucket),
      'Object keys are placements/{placementId}/{documentId}, chosen at run time; the grant stops at that prefix.',
    );
  }
  fn.addEnvironment('DOCUMENTS_BUCKET', bucket.bucketName);
}

function setStateMachineArn(fn: OnboardingFunction, stateMachine: IStateMachine): void {
  fn.addEnvironment('STATE_MACHINE_ARN', stateMachine.stateMachineArn);
}

function roleOf(fn: OnboardingFunction): IRole {
  if (!fn.role) throw new Error(`${fn.node.path} has no execution role`);
  return fn.role;
}
