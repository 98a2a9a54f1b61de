import { SFNClient } from '@aws-sdk/client-sfn';
import { StepFunctionsWorkflow } from '../adapters/step-functions-workflow.js';

/** The onboarding state machine, by the ARN the function was granted. */
export const workflowPort = (stateMachineArn: string, client = new SFNClient({})) =>
  new StepFunctionsWorkflow(client, stateMachineArn);
