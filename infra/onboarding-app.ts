import type { App } from 'aws-cdk-lib';
import type { DeploymentSettings } from './deployment-settings.js';
import { StatefulStack } from './stacks/stateful-stack.js';
import { StatelessStack } from './stacks/stateless-stack.js';

export interface OnboardingStacks {
  stateful: StatefulStack;
  stateless: StatelessStack;
}

/** Adds the two stacks of one deployment (`PlacementOnboarding-<stage>-Stateful` / `-Stateless`) to an app. */
export function addOnboardingStacks(app: App, settings: DeploymentSettings): OnboardingStacks {
  const prefix = `PlacementOnboarding-${settings.stage}`;
  const stateful = new StatefulStack(app, `${prefix}-Stateful`, {
    description: 'Placement onboarding: data key, table and documents bucket',
    stage: settings.stage,
    publicBaseUrl: settings.publicBaseUrl,
    documentRetentionDays: settings.documentRetentionDays,
    logRetention: settings.logRetention,
    removalPolicy: settings.removalPolicy,
    staffSignIn: settings.staffSignIn,
  });
  const stateless = new StatelessStack(app, `${prefix}-Stateless`, {
    description: 'Placement onboarding: functions, workflow, HTTP API, mail, alarms and dashboard',
    stage: settings.stage,
    publicBaseUrl: settings.publicBaseUrl,
    senderEmail: settings.senderEmail,
    replyToEmail: settings.replyToEmail,
    logRetention: settings.logRetention,
    documentRetentionDays: settings.documentRetentionDays,
    apiThrottle: settings.apiThrottle,
    alarmEmail: settings.alarmEmail,
    removalPolicy: settings.removalPolicy,
    staffSignIn: settings.staffSignIn,
  });
  stateless.addStackDependency(
    stateful,
    'uses the table and the documents bucket by name, and the data key through its SSM parameter',
  );
  return { stateful, stateless };
}
