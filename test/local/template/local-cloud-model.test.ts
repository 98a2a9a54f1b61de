import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCloudAssembly } from '../../../local/template/cloud-assembly.js';
import { buildLocalCloudModel, type LocalCloudModel } from '../../../local/template/local-cloud-model.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/cloud-assembly', import.meta.url));

describe('the local cloud model read from the fixture cloud assembly', () => {
  let model: LocalCloudModel;

  beforeAll(async () => {
    model = buildLocalCloudModel(await readCloudAssembly(FIXTURE), { apiUrl: 'http://127.0.0.1:4000' });
  });

  it('has the table with its key schema and both GSIs', () => {
    expect(model.tables).toHaveLength(1);
    const [table] = model.tables;
    expect(table?.tableName).toBe('PlacementOnboarding-dev');
    expect(table?.keySchema.map((key) => key.AttributeName)).toEqual(['pk', 'sk']);
    expect(table?.globalSecondaryIndexes.map((index) => index.IndexName)).toEqual(['byStatus', 'bySite']);
  });

  it('has both buckets, named locally, with the documents bucket CORS rules', () => {
    expect(model.buckets.map((bucket) => bucket.bucketName)).toEqual([
      'accesslogsbucket83982689',
      'onboarding-dev-docs-000000000000-us-east-1',
    ]);
    expect(model.buckets[1]?.corsRules).toEqual([
      {
        allowedMethods: ['POST'],
        allowedOrigins: ['http://localhost:4000'],
        allowedHeaders: ['*'],
        exposedHeaders: [],
        maxAgeSeconds: 3000,
      },
    ]);
  });

  it('runs every Node.js function that has a bundle and skips inline-code helpers', () => {
    const names = model.functions.map((fn) => fn.functionName);
    expect(names).toContain('ApiEchoC0FFEE01');
    expect(names).toContain('CustomResourceProviderHandler44444444');
    expect(names).not.toContain('BucketNotificationsHandler050a0587b7544547bf325f094a3db8347ECC3691');
    const counterA = model.functions.find((fn) => fn.functionName === 'CounterA11111111');
    const counterB = model.functions.find((fn) => fn.functionName === 'CounterB22222222');
    expect(counterA?.entryFile).toBe(join(FIXTURE, 'asset.counter', 'index.mjs'));
    expect(counterB?.entryFile).toBe(counterA?.entryFile);
    expect(counterA).toMatchObject({ handlerExport: 'handler', timeoutSeconds: 30, memoryMb: 512 });
  });

  it("resolves each function's environment, imports from the other stack included", () => {
    const echo = model.functions.find((fn) => fn.functionName === 'ApiEchoC0FFEE01');
    expect(echo?.environment).toEqual({
      TABLE_NAME: 'PlacementOnboarding-dev',
      STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:000000000000:stateMachine:OnboardingStateMachineFC9EE32A',
      PUBLIC_BASE_URL: 'http://localhost:4000',
      DOCUMENTS_BUCKET: 'onboarding-dev-docs-000000000000-us-east-1',
      STAGE: 'dev',
    });
  });

  it('reads the bucket notification of Custom::S3BucketNotifications on the imported bucket', () => {
    expect(model.bucketNotifications).toEqual([
      {
        bucketName: 'onboarding-dev-docs-000000000000-us-east-1',
        id: 'DocumentsBucketNotifications871115F2-0',
        events: ['s3:ObjectCreated:*'],
        functionName: 'ProcessUploadBF6DE15F',
        prefix: 'placements/',
      },
    ]);
  });

  it('reads the routes and the function behind each integration, whatever the URI form', () => {
    expect(model.routes).toContainEqual({
      routeKey: 'PUT /sites/{siteId}',
      functionName: 'ApiEchoC0FFEE01',
      payloadFormatVersion: '2.0',
      authorizationType: 'AWS_IAM',
    });
    expect(model.routes).toContainEqual({
      routeKey: 'GET /slow',
      functionName: 'SlowFunction33333333',
      payloadFormatVersion: '2.0',
      authorizationType: 'NONE',
    });
  });

  it('turns the DefinitionString back into the state machine definition with local ARNs', () => {
    const [machine] = model.stateMachines;
    expect(machine?.arn).toBe(
      'arn:aws:states:us-east-1:000000000000:stateMachine:OnboardingStateMachineFC9EE32A',
    );
    expect(machine?.definition).toMatchObject({
      StartAt: 'CheckCompliance',
      States: {
        CollectDocuments: {
          Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
          TimeoutSecondsPath: '$.waitSeconds',
          Parameters: { FunctionName: 'arn:aws:lambda:us-east-1:000000000000:function:CollectStep5E6F7A8B' },
        },
      },
    });
    expect(model.warnings).toEqual([]);
  });
});

describe('a function whose bundle is missing from cdk.out', () => {
  let emptyDir: string;

  beforeAll(async () => {
    emptyDir = await mkdtemp(join(tmpdir(), 'no-bundle-'));
  });

  afterAll(() => rm(emptyDir, { recursive: true, force: true }));

  it('is left out with a warning that says to synthesize again', () => {
    const model = buildLocalCloudModel(
      [
        {
          stackName: 'Stack',
          assemblyDir: emptyDir,
          template: {
            Resources: {
              Api: {
                Type: 'AWS::Lambda::Function',
                Properties: {
                  Runtime: 'nodejs22.x',
                  Handler: 'index.handler',
                  Code: { S3Key: `${'a'.repeat(64)}.zip` },
                },
                Metadata: { 'aws:asset:path': '/work/main' },
              },
            },
          },
        },
      ],
      { apiUrl: 'http://127.0.0.1:4000' },
    );
    expect(model.functions).toEqual([]);
    expect(model.warnings).toEqual([
      'Api has no bundle (index.handler) in cdk.out; it cannot run. Run cdk synth again.',
    ]);
  });
});
