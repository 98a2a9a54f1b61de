import { SFNClient, DescribeExecutionCommand, GetExecutionHistoryCommand } from '@aws-sdk/client-sfn';
const sfn = new SFNClient({ endpoint: 'http://127.0.0.1:4583', region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
const arn = `arn:aws:states:us-east-1:000000000000:execution:OnboardingStateMachineFC9EE32A:${process.argv[2]}`;
const d = await sfn.send(new DescribeExecutionCommand({ executionArn: arn }));
console.log(d.status, d.error, d.cause);
const h = await sfn.send(new GetExecutionHistoryCommand({ executionArn: arn }));
for (const e of h.events) console.log(e.type, JSON.stringify(e.stateEnteredEventDetails?.name ?? e.taskFailedEventDetails ?? ''));
