import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  Choice,
  Condition,
  DefinitionBody,
  Errors,
  Fail,
  IntegrationPattern,
  JitterType,
  JsonPath,
  LogLevel,
  StateMachine,
  StateMachineType,
  Succeed,
  TaskInput,
  Timeout,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import {
  EMAIL_IN_FLIGHT_ERROR_NAME,
  NEXT_STEPS,
  RETRYABLE_ERROR_NAMES,
} from '../functions/contract/index.js';

/** The Lambda function behind each task of the workflow. */
export interface OnboardingTaskFunctions {
  /** Decides the next step each pass (functions/entries/check-compliance.ts). */
  readonly checkCompliance: IFunction;
  /** The documents callback task: emails the student, then waits for the task token. */
  readonly collectDocuments: IFunction;
  /** The site-approval callback task: emails the site admins, then waits for the task token. */
  readonly requestSiteApproval: IFunction;
  /** Emails the outcome. */
  readonly notifyOutcome: IFunction;
  /** Records a failure caught from any task. */
  readonly recordFailure: IFunction;
}

export interface OnboardingWorkflowProps extends OnboardingTaskFunctions {
  /** How long the execution logs are kept. */
  readonly logRetention: RetentionDays;
  /**
   * Physical name, so that the ARN is known before the state machine exists.
   * @default - a name CloudFormation generates
   */
  readonly stateMachineName?: string;
  /**
   * The customer-managed key its execution logs are encrypted with.
   * @default - the log group's default encryption
   */
  readonly logEncryptionKey?: IKey;
  /**
   * What deleting the stack does to the execution logs.
   * @default RemovalPolicy.RETAIN
   */
  readonly logRemovalPolicy?: RemovalPolicy;
}

/** The task functions, in the order the state machine's role is granted them. */
export const taskFunctionsOf = (functions: OnboardingTaskFunctions): IFunction[] => [
  functions.checkCompliance,
  functions.collectDocuments,
  functions.requestSiteApproval,
  functions.notifyOutcome,
  functions.recordFailure,
];

/**
 * Errors worth retrying: Lambda's own transient failures, a function that crashed or timed out
 * part-way (every task is idempotent: ledger and versioned writes), and the retry-able domain errors.
 */
const RETRYABLE_ERRORS = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
  'Lambda.Unknown',
  'Runtime.ExitError',
  'Sandbox.Timedout',
  ...RETRYABLE_ERROR_NAMES,
];

/**
 * Another attempt's claim on an email is still leased (EMAIL_LEASE_SECONDS, 30 s, in the functions'
 * contract): retried without jitter at 5, 15, 35, 75 and 155 s, so the lease surely runs out before
 * the retries do.
 */
const EMAIL_IN_FLIGHT_ERRORS = [EMAIL_IN_FLIGHT_ERROR_NAME];

/** What `CheckCompliance` decides, read by `NextStep`. */
const NEXT_STEP = NEXT_STEPS;

const TASK_TIMEOUT = Timeout.duration(Duration.seconds(30));

/**
 * The onboarding state machine (Standard, JSONPath, no variables). Input `{"placementId": "…"}`;
 * the execution is named after the placement.
 *
 * CheckCompliance decides the next step each pass and its result replaces the state, so the state
 * stays small however many times the loop turns. The two callback tasks wait for a task token to be
 * returned (by process-upload / review); their timeout, read from the state, turns into a reminder
 * or an expiry decided by CheckCompliance (documents) or a reminder (site approval).
 */
export class OnboardingWorkflow extends Construct {
  readonly stateMachine: StateMachine;
  /** The functions behind its tasks. */
  readonly taskFunctions: OnboardingTaskFunctions;

  constructor(scope: Construct, id: string, props: OnboardingWorkflowProps) {
    super(scope, id);
    this.taskFunctions = props;

    const onboardingFailed = new Fail(this, 'OnboardingFailed', { error: 'OnboardingFailed' });

    const recordFailure = this.invoke('RecordFailure', props.recordFailure, {
      payload: {
        // Which execution failed: a coordinator retry runs the placement in a new one, and the old
        // execution's late RecordFailure must not fail the new run (functions/use-cases/record-failure.ts).
        executionName: JsonPath.executionName,
        error: JsonPath.stringAt('$.failure.Error'),
        cause: JsonPath.stringAt('$.failure.Cause'),
      },
      resultPath: JsonPath.DISCARD,
    });
    recordFailure.addCatch(onboardingFailed, { errors: [Errors.ALL] });
    recordFailure.next(onboardingFailed);

    const catchAllInto = (task: LambdaInvoke): void => {
      task.addCatch(recordFailure, { errors: [Errors.ALL], resultPath: '$.failure' });
    };

    const checkCompliance = this.invoke('CheckCompliance', props.checkCompliance, {
      resultSelector: {
        placementId: JsonPath.stringAt('$.Payload.placementId'),
        next: JsonPath.stringAt('$.Payload.next'),
        reminder: JsonPath.stringAt('$.Payload.reminder'),
        documentsWaitSeconds: JsonPath.stringAt('$.Payload.documentsWaitSeconds'),
        approvalWaitSeconds: JsonPath.stringAt('$.Payload.approvalWaitSeconds'),
      },
      // No ResultPath: the ASL default ("$") makes the result replace the state.
      resultPath: undefined,
    });
    catchAllInto(checkCompliance);

    const collectDocuments = this.invoke('CollectDocuments', props.collectDocuments, {
      waitForTaskToken: true,
      timeout: Timeout.at('$.documentsWaitSeconds'),
      resultPath: '$.collected',
    });
    collectDocuments.addCatch(checkCompliance, { errors: [Errors.TIMEOUT], resultPath: '$.timedOut' });
    catchAllInto(collectDocuments);
    collectDocuments.next(checkCompliance);

    const notifyOutcome = this.invoke('NotifyOutcome', props.notifyOutcome, { resultPath: JsonPath.DISCARD });
    catchAllInto(notifyOutcome);
    notifyOutcome.next(new Succeed(this, 'Done'));

    const requestSiteApproval = this.invoke('RequestSiteApproval', props.requestSiteApproval, {
      waitForTaskToken: true,
      timeout: Timeout.at('$.approvalWaitSeconds'),
      resultPath: '$.approval',
    });
    requestSiteApproval.addCatch(requestSiteApproval, {
      errors: [Errors.TIMEOUT],
      resultPath: '$.timedOut',
    });
    catchAllInto(requestSiteApproval);
    requestSiteApproval.next(
      new Choice(this, 'SiteDecision')
        .when(Condition.stringEquals('$.approval.decision', 'request-changes'), checkCompliance)
        .otherwise(notifyOutcome),
    );

    checkCompliance.next(
      new Choice(this, 'NextStep')
        .when(Condition.stringEquals('$.next', NEXT_STEP.collectDocuments), collectDocuments)
        .when(Condition.stringEquals('$.next', NEXT_STEP.requestSiteApproval), requestSiteApproval)
        .when(Condition.stringEquals('$.next', NEXT_STEP.notifyOutcome), notifyOutcome)
        .otherwise(new Succeed(this, 'Stopped')),
    );

    const logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention,
      ...(props.logEncryptionKey ? { encryptionKey: props.logEncryptionKey } : {}),
      ...(props.logRemovalPolicy ? { removalPolicy: props.logRemovalPolicy } : {}),
    });

    this.stateMachine = new StateMachine(this, 'StateMachine', {
      ...(props.stateMachineName ? { stateMachineName: props.stateMachineName } : {}),
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromChainable(checkCompliance),
      tracingEnabled: true,
      logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: false },
    });
    // The stack acknowledges the role's wildcard grants on the task functions' versions
    // (infra/stacks/stateless-stack.ts): cdk-nag names each after the flattened function ARN.
    Validations.of(this.stateMachine.role).acknowledge(
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'CloudWatch Logs delivery (logs:CreateLogDelivery and related) and X-Ray (xray:PutTraceSegments and ' +
          'related) support no resource-level permissions.',
      },
      {
        id: 'HIPAA.Security-IAMNoInlinePolicy',
        reason:
          'The policy is generated from the task grants for this one role and deploys with the state machine; ' +
          'a customer-managed policy would hold the same statements with no extra control.',
      },
    );
  }

  /**
   * A Lambda task with the shared payload (`placementId`, the whole state as `input`, and the task
   * token for a callback task), a timeout, and the shared retry policy.
   */
  private invoke(
    stateName: string,
    lambdaFunction: IFunction,
    options: {
      payload?: Record<string, unknown>;
      waitForTaskToken?: boolean;
      timeout?: Timeout;
      resultSelector?: Record<string, unknown>;
      resultPath: string | undefined;
    },
  ): LambdaInvoke {
    const task = new LambdaInvoke(this, stateName, {
      lambdaFunction,
      integrationPattern: options.waitForTaskToken
        ? IntegrationPattern.WAIT_FOR_TASK_TOKEN
        : IntegrationPattern.REQUEST_RESPONSE,
      payload: TaskInput.fromObject({
        placementId: JsonPath.stringAt('$.placementId'),
        input: JsonPath.entirePayload,
        ...(options.waitForTaskToken ? { taskToken: JsonPath.taskToken } : {}),
        ...options.payload,
      }),
      taskTimeout: options.timeout ?? TASK_TIMEOUT,
      retryOnServiceExceptions: false,
      resultSelector: options.resultSelector,
      resultPath: options.resultPath,
    });
    task.addRetry({
      errors: EMAIL_IN_FLIGHT_ERRORS,
      interval: Duration.seconds(5),
      backoffRate: 2,
      maxAttempts: 5,
      maxDelay: Duration.seconds(80),
      jitterStrategy: JitterType.NONE,
    });
    task.addRetry({
      errors: RETRYABLE_ERRORS,
      interval: Duration.seconds(2),
      backoffRate: 2,
      maxAttempts: 5,
      maxDelay: Duration.seconds(60),
      jitterStrategy: JitterType.FULL,
    });
    return task;
  }
}
