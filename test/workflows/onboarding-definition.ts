import { App, type CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { type OnboardingTaskFunctions, OnboardingWorkflow } from '../../workflows/onboarding-workflow.js';
import { type Json, resolveIntrinsics } from '../support/resolve-intrinsics.js';

export type AslState = Record<string, Json> & { Type: string };
export interface AslDefinition {
  StartAt: string;
  States: Record<string, AslState>;
}

type TaskFunctionProp = keyof OnboardingTaskFunctions;

export interface RenderedWorkflow {
  template: Template;
  /** The definition as deployed, with `Fn::GetAtt [X, Arn]` shown as `X.Arn`. */
  definition: AslDefinition;
  /** The logical id of the stand-in function given for each workflow prop. */
  functionLogicalIds: Record<TaskFunctionProp, string>;
}

const TASK_FUNCTION_PROPS: TaskFunctionProp[] = [
  'checkCompliance',
  'collectDocuments',
  'requestSiteApproval',
  'notifyOutcome',
  'recordFailure',
];

/**
 * The onboarding workflow in a stack of its own, with inline stand-in functions (no bundling), and its
 * definition rendered back to plain Amazon States Language.
 */
export function renderOnboardingWorkflow(): RenderedWorkflow {
  const stack = new Stack(new App({ builtinCloudFormationValidation: false }), 'WorkflowTest');
  const functionLogicalIds = {} as Record<TaskFunctionProp, string>;
  const functions = {} as Record<TaskFunctionProp, LambdaFunction>;
  for (const prop of TASK_FUNCTION_PROPS) {
    const fn = new LambdaFunction(stack, `${prop}Function`, {
      runtime: Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: Code.fromInline('exports.handler = async () => ({});'),
    });
    functions[prop] = fn;
    functionLogicalIds[prop] = stack.getLogicalId(fn.node.defaultChild as CfnElement);
  }
  new OnboardingWorkflow(stack, 'Onboarding', { ...functions, logRetention: RetentionDays.ONE_MONTH });

  const template = Template.fromStack(stack);
  const [stateMachine] = Object.values(template.findResources('AWS::StepFunctions::StateMachine'));
  const definitionString = resolveIntrinsics(stateMachine?.Properties?.DefinitionString);
  return { template, definition: JSON.parse(String(definitionString)) as AslDefinition, functionLogicalIds };
}
