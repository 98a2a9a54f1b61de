import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { onboardingStacks } from './onboarding-app-fixture.js';

interface StageTemplates {
  stateful: Template;
  stateless: Template;
}

/** Both stacks of a stage, as `cdk synth -c stage=<stage>` builds them from cdk.json. */
function templatesOf(stage: 'dev' | 'prod'): StageTemplates {
  const { stateful, stateless } = onboardingStacks({ stage });
  return { stateful: Template.fromStack(stateful), stateless: Template.fromStack(stateless) };
}

let dev: StageTemplates;
let prod: StageTemplates;

beforeAll(() => {
  dev = templatesOf('dev');
  prod = templatesOf('prod');
});

function logRetentions(templates: StageTemplates): number[] {
  return Object.values(templates.stateless.findResources('AWS::Logs::LogGroup')).map(
    (logGroup) => logGroup.Properties.RetentionInDays,
  );
}

function documentExpiryDays(templates: StageTemplates): number[] {
  return Object.values(templates.stateful.findResources('AWS::S3::Bucket')).flatMap((bucket) =>
    (bucket.Properties.LifecycleConfiguration?.Rules ?? [])
      .filter((rule: { Id: string }) => rule.Id === 'delete-student-documents')
      .map((rule: { ExpirationInDays: number }) => rule.ExpirationInDays),
  );
}

describe('the stages of cdk.json', () => {
  it('name the stacks, alarms and dashboard after the stage', () => {
    for (const [stage, templates] of [
      ['dev', dev],
      ['prod', prod],
    ] as const) {
      templates.stateless.hasResourceProperties('AWS::CloudWatch::Dashboard', {
        DashboardName: `PlacementOnboarding-${stage}`,
      });
      templates.stateless.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: `PlacementOnboarding-${stage}-Workflow-ExecutionsFailed`,
      });
      templates.stateful.hasResourceProperties('AWS::DynamoDB::Table', {
        TableName: `PlacementOnboarding-${stage}`,
      });
    }
  });

  it('keep logs for 14 days in dev and a year in prod', () => {
    expect(new Set(logRetentions(dev))).toEqual(new Set([14]));
    expect(new Set(logRetentions(prod))).toEqual(new Set([365]));
  });

  it('delete student documents 30 days after the rotation in dev and 365 in prod, with a backstop a year later', () => {
    expect(documentExpiryDays(dev)).toEqual([30 + 365]);
    expect(documentExpiryDays(prod)).toEqual([365 + 365]);
    const retentionDays = (templates: StageTemplates) =>
      Object.values(templates.stateless.findResources('AWS::Lambda::Function'))
        .map((fn) => fn.Properties.Environment?.Variables?.DOCUMENT_RETENTION_DAYS)
        .filter((days) => days !== undefined);
    expect(retentionDays(dev)).toEqual(['30']);
    expect(retentionDays(prod)).toEqual(['365']);
  });

  it('throttle the API at 50/100 requests per second in dev and 100/200 in prod', () => {
    dev.stateless.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
    });
    prod.stateless.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 },
    });
  });

  it('email alarms to the operations address in prod only', () => {
    prod.stateless.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'onboarding-ops@example.edu',
    });
    dev.stateless.resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it('retain the table (protected from deletion), buckets and logs in prod, and delete them with a dev stack', () => {
    prod.stateful.hasResource('AWS::DynamoDB::Table', {
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
      DeletionPolicy: 'Retain',
    });
    dev.stateful.hasResource('AWS::DynamoDB::Table', {
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
      DeletionPolicy: 'Delete',
    });
    for (const [templates, policy] of [
      [prod, 'Retain'],
      [dev, 'Delete'],
    ] as const) {
      for (const bucket of Object.values(templates.stateful.findResources('AWS::S3::Bucket'))) {
        expect(bucket.DeletionPolicy).toBe(policy);
      }
      for (const resource of Object.values(templates.stateless.findResources('AWS::Logs::LogGroup'))) {
        expect(resource.DeletionPolicy).toBe(policy);
      }
    }
  });

  it('retain the data key in every stage', () => {
    for (const templates of [dev, prod]) {
      templates.stateful.hasResource('AWS::KMS::Key', {
        Properties: Match.objectLike({ EnableKeyRotation: true }),
        DeletionPolicy: 'Retain',
      });
    }
  });

  it('accept browser uploads from the local portal in dev and from the public origin in prod', () => {
    dev.stateful.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedOrigins: ['http://localhost:4000'] })] },
    });
    prod.stateful.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: {
        CorsRules: [Match.objectLike({ AllowedOrigins: ['https://onboarding.example.edu'] })],
      },
    });
  });
});
