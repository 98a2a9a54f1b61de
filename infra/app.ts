import { App } from 'aws-cdk-lib';
import { addComplianceChecks } from './checks.js';
import { InvalidDeploymentSettingsError, readDeploymentSettings } from './deployment-settings.js';
import { addOnboardingStacks } from './onboarding-app.js';

/* The CDK app (cdk.json runs `node --import tsx infra/app.ts`). Settings come from the CDK context. */

// The local cloud (which never deploys) skips the CloudFormation schema check to start sooner.
const app = new App({
  builtinCloudFormationValidation: process.env.ONBOARDING_TEMPLATE_VALIDATION !== 'off',
});

try {
  const settings = readDeploymentSettings((key) => app.node.tryGetContext(key));
  addOnboardingStacks(app, settings);
} catch (error) {
  if (error instanceof InvalidDeploymentSettingsError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

addComplianceChecks(app);
app.synth();
