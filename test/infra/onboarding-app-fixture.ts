import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { readDeploymentSettings } from '../../infra/deployment-settings.js';
import { addOnboardingStacks, type OnboardingStacks } from '../../infra/onboarding-app.js';

const CDK_JSON = new URL('../../cdk.json', import.meta.url);

/** The context of cdk.json (feature flags and default settings), as the CDK CLI would pass it. */
export function cdkJsonContext(): Record<string, unknown> {
  return (JSON.parse(readFileSync(CDK_JSON, 'utf8')) as { context: Record<string, unknown> }).context;
}

/**
 * A CDK app with cdk.json's context, writing to a fresh temporary directory. Bundling is skipped
 * (`aws:cdk:bundling-stacks: []`, what `cdk synth --exclusively` does for other stacks): the template
 * is the same, only the asset contents are placeholders. The CDK's built-in CloudFormation schema
 * validation (a WebAssembly validator, ~5 s of CPU per synth) is left to `cdk synth`.
 */
export function testApp(context: Record<string, unknown> = {}): App {
  return new App({
    outdir: mkdtempSync(join(tmpdir(), 'onboarding-cdk-')),
    context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [], ...context },
    builtinCloudFormationValidation: false,
  });
}

/**
 * Context selecting a `test` stage whose block holds `settings` (over sensible test values); the
 * stage's names and values are fixed here, so that tests do not follow cdk.json's dev or prod values.
 */
export function testStageContext(settings: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    stage: 'test',
    stages: {
      test: {
        publicBaseUrl: 'https://onboarding.example.edu',
        senderEmail: 'onboarding@example.edu',
        replyToEmail: 'placements@example.edu',
        documentRetentionDays: 120,
        logRetentionDays: 30,
        apiRateLimit: 50,
        apiBurstLimit: 100,
        removalPolicy: 'retain',
        ...settings,
      },
    },
  };
}

/** The two stacks of the app, built from cdk.json's settings (plus overrides). */
export function onboardingStacks(context: Record<string, unknown> = {}): { app: App } & OnboardingStacks {
  const app = testApp(context);
  const settings = readDeploymentSettings((key) => app.node.tryGetContext(key));
  return { app, ...addOnboardingStacks(app, settings) };
}
