import { type App, Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks } from 'cdk-nag';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';

/**
 * Runs the AWS Solutions and HIPAA Security rule packs when the app synthesizes. Any finding that is
 * not acknowledged (`Validations.of(scope).acknowledge({ id, reason })`, next to the resource it is
 * about) fails the synthesis.
 */
export function addComplianceChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new HIPAASecurityChecks(app));
}

/**
 * Acknowledges the AwsSolutions-IAM5 finding for one wildcard resource granted to `scope` (a role,
 * or anything above its policy). cdk-nag names the finding after the resource as it flattens it
 * (`arn:<AWS::Partition>:s3:::bucket/placements/*`), so the id is computed with the same flattening.
 * The resource must resolve within the stack of `scope` (no cross-stack reference).
 */
export function acknowledgeWildcardResource(scope: IConstruct, resource: string, reason: string): void {
  const flattened = flattenCfnReference(Stack.of(scope).resolve(resource));
  Validations.of(scope).acknowledge({ id: `AwsSolutions-IAM5[Resource::${flattened}]`, reason });
}
