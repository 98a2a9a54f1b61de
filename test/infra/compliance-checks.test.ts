import { type App, Stack, Validations } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks, HIPAASecurityChecks, type NagPack } from 'cdk-nag';
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

interface Finding {
  id: string;
  path: string;
}

/** What the rule packs find in the tree when every acknowledgement is ignored. */
function findingsIgnoringAcknowledgements(root: IConstruct): Finding[] {
  const packs: NagPack[] = [new AwsSolutionsChecks(), new HIPAASecurityChecks()];
  return packs.flatMap((pack) => {
    (pack as unknown as { isAcknowledged: () => boolean }).isAcknowledged = () => false;
    return pack.validateScope(root).violations.flatMap((violation) =>
      violation.violatingResources.map((resource) => ({
        id: violation.ruleName,
        path: resource.constructPath ?? '',
      })),
    );
  });
}

/**
 * Acknowledgements made outside infra/ that the data key made obsolete, to be deleted by their owners:
 * the workflow's log group is now encrypted (by the stateless stack) but workflows/ still acknowledges it.
 */
const OBSOLETE_ELSEWHERE = new Set<string>();

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

  it('acknowledge only findings that occur: none outlives what it excused', () => {
    const { app: fresh } = onboardingStacks();
    const findings = findingsIgnoringAcknowledgements(fresh);
    const stale = acknowledgementsIn(fresh).filter(
      ({ path, id }) =>
        !findings.some(
          (finding) => finding.id === id && (finding.path === path || finding.path.startsWith(`${path}/`)),
        ),
    );
    const staleHere = stale.filter(
      ({ path, id }) => !OBSOLETE_ELSEWHERE.has(`${id}@${path.replace(/^[^/]+\//, '')}`),
    );
    expect(staleHere.map(({ path, id }) => `${id} on ${path}`)).toEqual([]);
  });

  it('find no unencrypted log group, topic or queue, even with every acknowledgement ignored', () => {
    const { app: fresh } = onboardingStacks();
    const encryptionRules = [
      'HIPAA.Security-CloudWatchLogGroupEncrypted',
      'HIPAA.Security-SNSEncryptedKMS',
      'AwsSolutions-SNS2',
      'AwsSolutions-SNS3',
      'AwsSolutions-SQS2',
      'AwsSolutions-SQS4',
      'AwsSolutions-KMS5',
      'HIPAA.Security-CloudWatchAlarmAction',
    ];
    const findings = findingsIgnoringAcknowledgements(fresh).filter(({ id }) => encryptionRules.includes(id));
    expect(findings).toEqual([]);
  });

  it('fail the synthesis on a finding nobody acknowledged', () => {
    const unchecked = testApp();
    new Bucket(new Stack(unchecked, 'Unhardened'), 'Bucket');
    addComplianceChecks(unchecked);
    expect(() => unchecked.synth()).toThrow(/AwsSolutions-S10'[\s\S]*HIPAA.Security-S3BucketSSLRequestsOnly/);
  });
});
