/** The local service a function's request goes to, by its AWS_ENDPOINT_URL_* variable. */
export type FaultService = 'ses' | 'dynamodb' | 's3' | 'stepfunctions';

/**
 * Makes one invocation of a function fail part-way, as a Lambda sandbox can: `crash` ends the
 * worker (Runtime.ExitError), `hang` freezes it until the function's timeout (Sandbox.Timedout).
 * It happens just `before` the invocation's first request to `service` is sent, or just `after`
 * the answer to it arrived.
 */
export interface FunctionFault {
  action: 'crash' | 'hang';
  service: FaultService;
  when: 'before' | 'after';
}

interface ArmedFunctionFault extends FunctionFault {
  functionRef: string;
}

/** Test-only: faults armed for the next invocation of a named function. Off until armed. */
export class FunctionFaults {
  private readonly armed: ArmedFunctionFault[] = [];
  /** Functions (logical ids) an armed fault was handed to. */
  readonly injected: string[] = [];

  /**
   * Arms `fault` for the next invocation of the function whose logical id starts with `functionRef`
   * (`CollectDocuments`) or whose name is `functionRef`.
   */
  next(functionRef: string, fault: FunctionFault): void {
    this.armed.push({ functionRef, ...fault });
  }

  /** Called by the function runtime for each invocation: the fault to run it with, if one is armed. */
  take(spec: { logicalId: string; functionName: string }): FunctionFault | undefined {
    const index = this.armed.findIndex(
      (fault) => spec.logicalId.startsWith(fault.functionRef) || spec.functionName === fault.functionRef,
    );
    const found = this.armed[index];
    if (!found) return undefined;
    this.armed.splice(index, 1);
    this.injected.push(spec.logicalId);
    return { action: found.action, service: found.service, when: found.when };
  }
}
