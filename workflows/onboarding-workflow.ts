import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  Choice,
  Condition,
  DefinitionBody,
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
import { acknowledgeWildcardResource } from '../infra/checks.js';

/** The Lambda function behind each task of the workflow. */
export interface OnboardingTaskFunctions {
  checkCompliance: IFunction;
  collectDocuments: IFunction;
  requestSiteApproval: IFunction;
  notifyOutcome: IFunction;
  recordFailure: IFunction;
}

export interface OnboardingWorkflowProps extends OnboardingTaskFunctions {
  logRetention: RetentionDays;
  /** Physical name, so that the ARN is known before the state machine exists. */
  stateMachineName?: string;
  /** The customer-managed key its execution logs are encrypted with. */
  logEncryptionKey?: IKey;
  logRemovalPolicy?: RemovalPolicy;
}

/**
 * Errors worth retrying: Lambda's own transient failures, a function that crashed or timed out
 * part-way (every task is idempotent: ledger and versioned writes), and the two retry-able domain errors.
 */
const RETRYABLE_ERRORS = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
  'Lambda.Unknown',
  'Runtime.ExitError',
  'Sandbox.Timedout',
  'ConcurrentUpdateError',
  'TransientDependencyError',
];

/**
 * Another attempt's claim on an email is still leased (EMAIL_LEASE_SECONDS, 30 s, in
 * functions/use-cases/send-email-once.ts): retried without jitter at 5, 15, 35, 75 and 155 s, so
 * the lease surely runs out before the retries do.
 */
const EMAIL_IN_FLIGHT_ERRORS = ['EmailInFlightError'];

/** What `CheckCompliance` decides, read by `NextStep`. */
const NEXT_STEP = {
  collectDocuments: 'COLLECT_DOCUMENTS',
  requestSiteApproval: 'REQUEST_SITE_APPROVAL',
  notifyOutcome: 'NOTIFY_OUTCOME',
} as const;

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

  constructor(scope: Construct, id: string, props: OnboardingWorkflowProps) {
    super(scope, id);

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
    recordFailure.addCatch(onboardingFailed, { errors: ['States.ALL'] });
    recordFailure.next(onboardingFailed);

    const catchAllInto = (task: LambdaInvoke): void => {
      task.addCatch(recordFailure, { errors: ['States.ALL'], resultPath: '$.failure' });
    };

    const checkCompliance = this.invoke('CheckCompliance', props.checkCompliance, {
      resultSelector: {
        placementId: JsonPath.stringAt('$.Payload.placementId'),
        next: JsonPath.stringAt('$.Payload.next'),
        reminder: JsonPath.stringAt('$.Payload.reminder'),
        documentsWaitSeconds: JsonPath.stringAt('$.Payload.documentsWaitSeconds'),
        approvalWaitSeconds: JsonPath.stringAt('$.Payload.approvalWaitSeconds'),
      },
      // No ResultPath: the ASL default ("$") makes the result replace the state. Written out, "$" means
      // the same on AWS, but aws-local-stepfunctions 3.0 would store the result under a key named "$".
      resultPath: undefined,
    });
    catchAllInto(checkCompliance);

    const collectDocuments = this.invoke('CollectDocuments', props.collectDocuments, {
      waitForTaskToken: true,
      timeout: Timeout.at('$.documentsWaitSeconds'),
      resultPath: '$.collected',
    });
    collectDocuments.addCatch(checkCompliance, { errors: ['States.Timeout'], resultPath: '$.timedOut' });
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
      errors: ['States.Timeout'],
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
    const role = this.stateMachine.role;
    for (const fn of [
      props.checkCompliance,
      props.collectDocuments,
      props.requestSiteApproval,
      props.notifyOutcome,
      props.recordFailure,
    ]) {
      acknowledgeWildcardResource(
        role,
        `${fn.functionArn}:*`,
        'lambda:InvokeFunction on a task function and its versions (the CDK task grant covers qualified ARNs).',
      );
    }
    Validations.of(role).acknowledge(
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
