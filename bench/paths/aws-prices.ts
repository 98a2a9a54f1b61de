/**
 * Published us-east-1 on-demand prices (no free tier), used to turn measured usage into money.
 * API Gateway is listed apart: it is the same for the designs compared and not part of `costPer1000Usd`.
 */
export const US_EAST_1 = {
  stepFunctionsStandardPerTransition: 0.025 / 1000,
  lambdaPerRequest: 0.2 / 1_000_000,
  lambdaArm64PerGbSecond: 0.0000133334,
  dynamoDbPerWriteUnit: 0.625 / 1_000_000,
  dynamoDbPerReadUnit: 0.125 / 1_000_000,
  sesPerEmail: 0.1 / 1000,
  s3PerPutRequest: 0.005 / 1000,
  s3PerGetRequest: 0.0004 / 1000,
  apiGatewayHttpPerRequest: 1.0 / 1_000_000,
} as const;

/** What one placement used, as billing counts it. */
export interface PlacementUsage {
  stateTransitions: number;
  lambdaInvocations: number;
  lambdaGbSeconds: number;
  dynamoWriteUnits: number;
  dynamoReadUnits: number;
  /** SES bills every recipient of a message as one email. */
  emailRecipients: number;
  s3PutRequests: number;
  s3GetRequests: number;
  apiRequests: number;
}

export interface CostBreakdown {
  stepFunctions: number;
  lambdaRequests: number;
  lambdaDuration: number;
  dynamoDbWrites: number;
  dynamoDbReads: number;
  ses: number;
  s3Requests: number;
  /** Not included in `total`. */
  apiGatewayHttp: number;
  total: number;
}

const cents = (value: number) => Math.round(value * 10_000) / 10_000;

/** The cost of `placements` placements that each use `usage`, in USD. */
export const costOf = (usage: PlacementUsage, placements = 1000): CostBreakdown => {
  const parts = {
    stepFunctions: usage.stateTransitions * US_EAST_1.stepFunctionsStandardPerTransition,
    lambdaRequests: usage.lambdaInvocations * US_EAST_1.lambdaPerRequest,
    lambdaDuration: usage.lambdaGbSeconds * US_EAST_1.lambdaArm64PerGbSecond,
    dynamoDbWrites: usage.dynamoWriteUnits * US_EAST_1.dynamoDbPerWriteUnit,
    dynamoDbReads: usage.dynamoReadUnits * US_EAST_1.dynamoDbPerReadUnit,
    ses: usage.emailRecipients * US_EAST_1.sesPerEmail,
    s3Requests:
      usage.s3PutRequests * US_EAST_1.s3PerPutRequest + usage.s3GetRequests * US_EAST_1.s3PerGetRequest,
  };
  const total = Object.values(parts).reduce((sum, value) => sum + value, 0);
  return {
    ...Object.fromEntries(Object.entries(parts).map(([name, value]) => [name, cents(value * placements)])),
    apiGatewayHttp: cents(usage.apiRequests * US_EAST_1.apiGatewayHttpPerRequest * placements),
    total: cents(total * placements),
  } as CostBreakdown;
};
