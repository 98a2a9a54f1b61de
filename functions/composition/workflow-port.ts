import { SFNClient } from '@aws-sdk/client-sfn';
import { StepFunctionsWorkflow } from '../adapters/step-functions-workflow.js';
import { readEnvironment } from '../config/environment.js';

export const workflowPort = (client = new SFNClient({})) =>
  new StepFunctionsWorkflow(client, readEnvironment(['STATE_MACHINE_ARN']).STATE_MACHINE_ARN);
