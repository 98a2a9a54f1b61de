import { Aws } from 'aws-cdk-lib';

/*
 * Physical names of the stateful resources. Both stacks derive them from the stage, so the stateless
 * stack refers to the table and the bucket without CloudFormation exports (no Fn::ImportValue that
 * would pin the stateful stack), and the synthesized templates name them plainly.
 */

/**
 * State machine name, e.g. `PlacementOnboarding-dev-onboarding`. Known before deployment so that the
 * workflow's own callback tasks can be granted SendTaskSuccess without a reference cycle.
 */
export function stateMachineName(stage: string): string {
  return `PlacementOnboarding-${stage}-onboarding`;
}

/** DynamoDB table name, e.g. `PlacementOnboarding-dev`. */
export function tableName(stage: string): string {
  return `PlacementOnboarding-${stage}`;
}

/**
 * Documents bucket name: globally unique through the account and region,
 * e.g. `onboarding-dev-docs-123456789012-eu-west-1` (at most 63 characters for a 16-character stage).
 */
export function documentsBucketName(stage: string): string {
  return `onboarding-${stage}-docs-${Aws.ACCOUNT_ID}-${Aws.REGION}`;
}

/**
 * SSM parameter holding the ARN of the stage's data key. The stateful stack writes it; the stateless
 * stack reads it at deploy time (a CloudFormation SSM parameter type), so no export ties the stacks.
 */
export function dataKeyArnParameterName(stage: string): string {
  return `/placement-onboarding/${stage}/data-key-arn`;
}

/** KMS alias of the stage's data key, for people: `alias/placement-onboarding-dev`. */
export function dataKeyAliasName(stage: string): string {
  return `alias/placement-onboarding-${stage}`;
}

/**
 * SSM parameters through which the stateful stack's staff user pool tells the stateless stack's
 * console its OpenID Connect issuer, client id and sign-out URL (read at deploy time, like the data key).
 */
export function consoleSignInParameterNames(stage: string): {
  issuer: string;
  clientId: string;
  signOutUrl: string;
} {
  const prefix = `/placement-onboarding/${stage}/console`;
  return {
    issuer: `${prefix}/oidc-issuer`,
    clientId: `${prefix}/oidc-client-id`,
    signOutUrl: `${prefix}/sign-out-url`,
  };
}
