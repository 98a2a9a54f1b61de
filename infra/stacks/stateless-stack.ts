import { CfnOutput, Duration, type RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction as LambdaFunctionTarget } from 'aws-cdk-lib/aws-events-targets';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Bucket, EventType, type IBucket } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { OnboardingWorkflow, taskFunctionsOf } from '../../workflows/onboarding-workflow.js';
import { acknowledgeWildcardResource } from '../checks.js';
import {
  grantDocumentsDelete,
  grantDocumentsRead,
  grantDocumentsUpload,
  grantMail,
  grantTable,
  grantWorkflowStart,
  grantWorkflowStop,
  grantWorkflowTaskResponse,
  setPublicBaseUrl,
} from '../constructs/function-grants.js';
import { MailSending } from '../constructs/mail-sending.js';
import { OnboardingApi } from '../constructs/onboarding-api.js';
import {
  type FunctionPurpose,
  type HandlerName,
  OnboardingFunction,
  type OnboardingFunctionProps,
} from '../constructs/onboarding-function.js';
import { OperationsAlarms } from '../constructs/operations-alarms.js';
import { OperationsDashboard } from '../constructs/operations-dashboard.js';
import { OperationsTopic } from '../constructs/operations-topic.js';
import { PlacementMetrics } from '../constructs/placement-metrics.js';
import type { ApiThrottle } from '../deployment-settings.js';
import {
  consoleSignInParameterNames,
  dataKeyArnParameterName,
  documentsBucketName,
  stateMachineName,
  tableName,
} from '../resource-names.js';
import type { StaffSignInSettings } from '../staff-sign-in-settings.js';
import { DOCUMENTS_PREFIX } from './stateful-stack.js';

export interface StatelessStackProps extends StackProps {
  stage: string;
  publicBaseUrl: string;
  senderEmail: string;
  replyToEmail: string | undefined;
  logRetention: RetentionDays;
  /** Days after a rotation ends that the daily retention sweep deletes its documents. */
  documentRetentionDays: number;
  apiThrottle: ApiThrottle;
  alarmEmail: string | undefined;
  /** What deleting the stack does to the log groups. */
  removalPolicy: RemovalPolicy;
  /** How staff sign in to the console: the stateful stack's Cognito pool, or the school's provider. */
  staffSignIn: StaffSignInSettings;
}

/**
 * The code and what can be redeployed at will: the functions, the workflow, the HTTP API, mail
 * sending, and the alarms and dashboard that watch them. It refers to the table and the documents
 * bucket of the stateful stack by their names, and to the data key through the SSM parameter holding
 * its ARN (resolved by CloudFormation at deploy time).
 */
export class StatelessStack extends Stack {
  readonly functions: Record<HandlerName, OnboardingFunction>;
  readonly workflow: OnboardingWorkflow;
  readonly api: OnboardingApi;
  readonly operationsTopic: OperationsTopic;
  readonly alarms: OperationsAlarms;
  readonly dashboard: OperationsDashboard;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);

    const dataKey = Key.fromKeyArn(
      this,
      'DataKey',
      StringParameter.valueForStringParameter(this, dataKeyArnParameterName(props.stage)),
    );
    // Imported with their key, so the grant helpers grant its use along with the table and the bucket.
    const table = Table.fromTableAttributes(this, 'Table', {
      tableName: tableName(props.stage),
      encryptionKey: dataKey,
    });
    // Imported here, so the S3 notification (a custom resource) lives in this stack with the function
    // it targets, and the stateful stack never depends on this one.
    const documentsBucket = Bucket.fromBucketAttributes(this, 'DocumentsBucket', {
      bucketName: documentsBucketName(props.stage),
      encryptionKey: dataKey,
    });
    const mail = new MailSending(this, 'Mail', {
      senderEmail: props.senderEmail,
      replyToEmail: props.replyToEmail,
    });

    const makeFunction = (
      id: string,
      handler: HandlerName,
      purpose: FunctionPurpose,
      description: string,
      extra: Partial<OnboardingFunctionProps> = {},
    ): OnboardingFunction =>
      new OnboardingFunction(this, id, {
        handler,
        purpose,
        description,
        stage: props.stage,
        logRetention: props.logRetention,
        logEncryptionKey: dataKey,
        logRemovalPolicy: props.removalPolicy,
        ...extra,
      });

    const deadLetterQueue = (id: string) =>
      new Queue(this, id, {
        encryption: QueueEncryption.KMS,
        encryptionMasterKey: dataKey,
        enforceSSL: true,
        retentionPeriod: Duration.days(14),
      });
    const uploadDeadLetters = deadLetterQueue('ProcessUploadDeadLetters');
    // The retention sweep's own queue, on the function (Lambda's asynchronous invocation), not on the
    // EventBridge target: EventBridge hands the event to Lambda, which accepts it at once, so a target
    // DLQ would only catch a failed hand-over, never a failed run; and EventBridge sends to a target DLQ
    // as events.amazonaws.com, which the data key's policy (stateful stack) would have to admit. Lambda
    // sends with the function's own role, which OnboardingFunction lets use the key through SQS only.
    const retentionSweepDeadLetters = deadLetterQueue('RetentionSweepDeadLetters');

    const functions: Record<HandlerName, OnboardingFunction> = {
      'coordinator-api': makeFunction('CoordinatorApi', 'coordinator-api', 'api', 'Coordinator HTTP API'),
      portal: makeFunction('Portal', 'portal', 'api', 'Student portal link: checklist and uploads'),
      review: makeFunction('Review', 'review', 'api', 'Site admin review link: packet and decision'),
      console: makeFunction('Console', 'console', 'api', 'Staff console: sign-in, pages and forms'),
      'process-upload': makeFunction(
        'ProcessUpload',
        'process-upload',
        'task',
        'Checks each uploaded document (S3 event)',
        { deadLetterQueue: uploadDeadLetters },
      ),
      'check-compliance': makeFunction(
        'CheckCompliance',
        'check-compliance',
        'task',
        'Workflow: evaluates requirements and decides the next step',
      ),
      'collect-documents': makeFunction(
        'CollectDocuments',
        'collect-documents',
        'task',
        'Workflow: emails the student (callback task)',
      ),
      'request-site-approval': makeFunction(
        'RequestSiteApproval',
        'request-site-approval',
        'task',
        'Workflow: emails the site admins (callback task)',
      ),
      'notify-outcome': makeFunction(
        'NotifyOutcome',
        'notify-outcome',
        'task',
        'Workflow: emails the outcome',
      ),
      'record-failure': makeFunction(
        'RecordFailure',
        'record-failure',
        'task',
        'Workflow: records a failure',
      ),
      'apply-retention': makeFunction(
        'ApplyRetention',
        'apply-retention',
        'task',
        'Daily: deletes documents the retention period after their rotation ended',
        { timeout: Duration.minutes(10), deadLetterQueue: retentionSweepDeadLetters },
      ),
    };
    this.functions = functions;

    this.workflow = new OnboardingWorkflow(this, 'Onboarding', {
      checkCompliance: functions['check-compliance'],
      collectDocuments: functions['collect-documents'],
      requestSiteApproval: functions['request-site-approval'],
      notifyOutcome: functions['notify-outcome'],
      recordFailure: functions['record-failure'],
      logRetention: props.logRetention,
      stateMachineName: stateMachineName(props.stage),
      logEncryptionKey: dataKey,
      logRemovalPolicy: props.removalPolicy,
    });
    const { stateMachine } = this.workflow;
    for (const fn of taskFunctionsOf(this.workflow.taskFunctions)) {
      acknowledgeWildcardResource(
        stateMachine.role,
        `${fn.functionArn}:*`,
        'lambda:InvokeFunction on a task function and its versions (the CDK task grant covers qualified ARNs).',
      );
    }
    // The callback tasks resume their own execution when nothing is left to wait for. Granting them
    // through the state machine resource would be a cycle (it references them), so by its known name.
    const stateMachineByName = StateMachine.fromStateMachineName(
      this,
      'OnboardingByName',
      stateMachineName(props.stage),
    );
    grantWorkflowTaskResponse(functions['collect-documents'], stateMachineByName);
    grantWorkflowTaskResponse(functions['request-site-approval'], stateMachineByName);

    for (const fn of Object.values(functions)) grantTable(fn, table);

    const coordinatorApi = functions['coordinator-api'];
    grantWorkflowStart(coordinatorApi, stateMachine);
    grantWorkflowStop(coordinatorApi, stateMachine);
    grantWorkflowTaskResponse(coordinatorApi, stateMachine);
    // A purge deletes a placement's documents (and nothing else of S3: no read, no upload).
    grantDocumentsDelete(coordinatorApi, documentsBucket);

    grantDocumentsUpload(functions.portal, documentsBucket);
    // The portal refuses upload requests from other origins than the emailed links'.
    setPublicBaseUrl(functions.portal, props.publicBaseUrl);

    grantDocumentsRead(functions.review, documentsBucket);
    grantWorkflowTaskResponse(functions.review, stateMachine);
    setPublicBaseUrl(functions.review, props.publicBaseUrl);

    const staffConsole = functions.console;
    // Retry starts, cancel and purge stop executions; a waiver or a verification resumes a waiting task.
    grantWorkflowStart(staffConsole, stateMachine);
    grantWorkflowStop(staffConsole, stateMachine);
    grantWorkflowTaskResponse(staffConsole, stateMachine);
    // Documents are viewed in the page (a short-lived download URL) and deleted by a purge.
    grantDocumentsRead(staffConsole, documentsBucket);
    grantDocumentsDelete(staffConsole, documentsBucket);
    setPublicBaseUrl(staffConsole, props.publicBaseUrl);
    this.setConsoleSignIn(staffConsole, props.stage, props.staffSignIn);

    const processUpload = functions['process-upload'];
    grantDocumentsRead(processUpload, documentsBucket);
    grantDocumentsDelete(processUpload, documentsBucket);
    grantWorkflowTaskResponse(processUpload, stateMachine);
    documentsBucket.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(processUpload), {
      prefix: DOCUMENTS_PREFIX,
    });
    this.acknowledgeBucketNotificationsHandler(documentsBucket);

    const applyRetention = functions['apply-retention'];
    grantDocumentsDelete(applyRetention, documentsBucket);
    applyRetention.addEnvironment('DOCUMENT_RETENTION_DAYS', String(props.documentRetentionDays));
    // Daily at 03:15 UTC. Lambda retries a failed run twice (the sweep is idempotent), then leaves the
    // event in RetentionSweepDeadLetters; EventBridge retries a failed hand-over to Lambda. A failure
    // also raises the function's Errors alarm.
    new Rule(this, 'RetentionSchedule', {
      description: 'Runs the retention sweep once a day',
      schedule: Schedule.cron({ minute: '15', hour: '3' }),
      targets: [new LambdaFunctionTarget(applyRetention, { retryAttempts: 2 })],
    });

    for (const name of ['collect-documents', 'request-site-approval', 'notify-outcome'] as const) {
      grantMail(functions[name], mail);
      setPublicBaseUrl(functions[name], props.publicBaseUrl);
    }
    grantMail(functions['record-failure'], mail);
    // Cancel tells the student (and the site admins who were asked to review); a verifier's rejection
    // emails the student their portal link.
    grantMail(coordinatorApi, mail);
    setPublicBaseUrl(coordinatorApi, props.publicBaseUrl);
    // Cancel, resend the student's link, the sent-back notices.
    grantMail(staffConsole, mail);

    this.api = new OnboardingApi(this, 'Api', {
      coordinatorApi,
      portal: functions.portal,
      review: functions.review,
      console: staffConsole,
      throttle: props.apiThrottle,
      logRetention: props.logRetention,
      logEncryptionKey: dataKey,
      logRemovalPolicy: props.removalPolicy,
    });

    this.operationsTopic = new OperationsTopic(this, 'OperationsTopic', {
      stage: props.stage,
      encryptionKey: dataKey,
      alarmEmail: props.alarmEmail,
    });
    this.alarms = new OperationsAlarms(this, 'Alarms', {
      stage: props.stage,
      action: this.operationsTopic.alarmAction,
      stateMachine,
      functions,
      deadLetterQueues: { uploads: uploadDeadLetters, retentionSweep: retentionSweepDeadLetters },
      httpApi: this.api.httpApi,
    });
    const placements = new PlacementMetrics(this, 'PlacementMetrics', {
      stateMachine,
      notifyOutcomeLogs: functions['notify-outcome'].logGroup,
    });
    this.dashboard = new OperationsDashboard(this, 'Dashboard', {
      stage: props.stage,
      placements,
      stateMachine,
      functions,
      httpApi: this.api.httpApi,
      deadLetterQueues: { uploads: uploadDeadLetters, retentionSweep: retentionSweepDeadLetters },
      configurationSetName: mail.configurationSet.configurationSetName,
      alarms: this.alarms.alarms,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'StateMachineArn', { value: stateMachine.stateMachineArn });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'DocumentsBucketName', { value: documentsBucket.bucketName });
    new CfnOutput(this, 'OperationsTopicArn', {
      value: this.operationsTopic.topic.topicArn,
      description: 'SNS topic every alarm notifies; subscribe on-call endpoints to it',
    });
    new CfnOutput(this, 'DashboardUrl', { value: this.dashboard.url, description: 'CloudWatch dashboard' });
  }

  /**
   * The console's OpenID Connect settings. With the stateful stack's Cognito pool, its issuer
   * (ProviderURL, no scheme: the console adds `https://`), app client id and managed-login sign-out URL
   * come from the SSM parameters that stack writes (resolved at deploy time; no secret: a public client
   * with PKCE). With the school's provider, the `oidc*` settings themselves.
   */
  private setConsoleSignIn(fn: OnboardingFunction, stage: string, signIn: StaffSignInSettings): void {
    if (signIn.kind === 'cognito') {
      const names = consoleSignInParameterNames(stage);
      fn.addEnvironment('OIDC_ISSUER', StringParameter.valueForStringParameter(this, names.issuer));
      fn.addEnvironment('OIDC_CLIENT_ID', StringParameter.valueForStringParameter(this, names.clientId));
      fn.addEnvironment('OIDC_SIGN_OUT_URL', StringParameter.valueForStringParameter(this, names.signOutUrl));
      return;
    }
    fn.addEnvironment('OIDC_ISSUER', signIn.issuer);
    fn.addEnvironment('OIDC_CLIENT_ID', signIn.clientId);
    fn.addEnvironment('OIDC_ROLES_CLAIM', signIn.rolesClaim);
    fn.addEnvironment('OIDC_ROLE_MAP', JSON.stringify(signIn.roleMap));
  }

  /**
   * The CDK's own singleton function that writes the bucket's notification configuration at deploy time
   * (the Custom::S3BucketNotifications resource); it is not ours to shape, only to acknowledge.
   */
  private acknowledgeBucketNotificationsHandler(documentsBucket: IBucket): void {
    const notifications = documentsBucket.node.tryFindChild('Notifications');
    if (notifications) {
      Validations.of(notifications).acknowledge({
        id: 'HIPAA.Security-IAMNoInlinePolicy',
        reason:
          'CDK-generated policy of the deploy-time notification handler: s3:GetBucketNotification and ' +
          's3:PutBucketNotification on the documents bucket only.',
      });
    }
    const handler = this.node.children.find((child) =>
      child.node.id.startsWith('BucketNotificationsHandler'),
    );
    if (!handler) throw new Error('The CDK bucket notifications handler was not found in the stack');
    Validations.of(handler).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        'CDK-generated deploy-time handler (runs only during deployments); the managed policy only lets it ' +
        'write its own logs.',
    });
  }
}
