/**
 * An error of the Step Functions API, sent as AWS JSON 1.0 does (`__type` + `message`, HTTP 400) so
 * that @aws-sdk/client-sfn raises an exception with this name (`ExecutionAlreadyExists`, `TaskTimedOut`…).
 */
export class StepFunctionsApiError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly statusCode = 400,
  ) {
    super(message);
    this.name = type;
  }
}
