import { type App, Stack, Validations } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { addComplianceChecks } from '../../infra/checks.js';
import { onboardingStacks, testApp } from './onboarding-app-fixture.js';

interface Acknowledgement {
  path: string;
  id: string;
  reason: string;
}

function acknowledgementsIn(root: IConstruct): Acknowledgement[] {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          id: id.replace(/^annotation::/i, ''),
          reason,
        })),
      ),
  );
}

describe('the AWS Solutions and HIPAA Security checks', () => {
  let app: App;
  let synthError: unknown;

  beforeAll(() => {
    ({ app } = onboardingStacks());
    addComplianceChecks(app);
    try {
      app.synth();
    } catch (error) {
      synthError = error;
    }
  });

  it('pass on the whole app: every finding is fixed or acknowledged', () => {
    expect(synthError).toBeUndefined();
  });

  it('acknowledge findings one by one, each with a written reason, on the resource concerned', () => {
    const acknowledgements = acknowledgementsIn(app);
    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const { path, id, reason } of acknowledgements) {
      expect(id, path).toMatch(/^(AwsSolutions|HIPAA\.Security)-[A-Za-z0-9]+(\[.+\])?$/);
      expect(reason.length, `${path} ${id}`).toBeGreaterThanOrEqual(40);
      expect(path, id).not.toMatch(/^PlacementOnboarding-[^/]+-(Stateful|Stateless)$/);
    }
  });

  it('fail the synthesis on a finding nobody acknowledged', () => {
    const unchecked = testApp();
    new Bucket(new Stack(unchecked, 'Unhardened'), 'Bucket');
    addComplianceChecks(unchecked);
    expect(() => unchecked.synth()).toThrow(/AwsSolutions-S10'[\s\S]*HIPAA.Security-S3BucketSSLRequestsOnly/);
  });
});
