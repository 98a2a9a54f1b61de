/** The fixed account, region and partition every local resource pretends to live in. */
export const LOCAL_REGION = 'us-east-1';
export const LOCAL_ACCOUNT_ID = '000000000000';
export const LOCAL_PARTITION = 'aws';
export const LOCAL_URL_SUFFIX = 'amazonaws.com';

export function lambdaFunctionArn(functionName: string): string {
  return `arn:${LOCAL_PARTITION}:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:function:${functionName}`;
}

export function stateMachineArn(stateMachineName: string): string {
  return `arn:${LOCAL_PARTITION}:states:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:stateMachine:${stateMachineName}`;
}

export function executionArn(stateMachineName: string, executionName: string): string {
  return `arn:${LOCAL_PARTITION}:states:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:execution:${stateMachineName}:${executionName}`;
}

/** The function name inside a Lambda ARN (`arn:aws:lambda:…:function:NAME[:QUALIFIER]`), or the input if it is a bare name. */
export function functionNameFromArnOrName(arnOrName: string): string {
  const match = /^arn:[^:]+:lambda:[^:]*:[^:]*:function:([^:]+)/.exec(arnOrName);
  if (match?.[1]) return match[1];
  return arnOrName.split(':')[0] ?? arnOrName;
}
