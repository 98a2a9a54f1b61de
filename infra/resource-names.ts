import { Aws } from 'aws-cdk-lib';

/*
 * Physical names of the stateful resources. Both stacks derive them from the stage, so the stateless
 * stack refers to the table and the bucket without CloudFormation exports (no Fn::ImportValue that
 * would pin the stateful stack), and the synthesized templates name them plainly.
 */

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
