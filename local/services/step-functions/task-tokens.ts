import { randomBytes } from 'node:crypto';
import { StepFunctionsApiError } from './step-functions-api-error.js';

const TOKEN_PATTERN = /^AQ[A-Za-z0-9_-]{64}$/;

/** What a task waiting for a callback is told. */
export interface TaskCallbacks {
  succeed(output: unknown): void;
  fail(error: string, cause: string): void;
  heartbeat(): void;
}

/**
 * Task tokens of callback (`.waitForTaskToken`) tasks. A token is live while its task waits; a
 * well-formed token that is not live (the task finished, timed out, or ran before a restart) gets
 * `TaskTimedOut`, as on AWS; a malformed one gets `InvalidToken`.
 */
export class TaskTokenRegistry {
  private readonly waiting = new Map<string, TaskCallbacks>();

  /** A new random token, not yet waited on. */
  issue(): string {
    return `AQ${randomBytes(48).toString('base64url')}`;
  }

  /** Routes callbacks for these tokens to `callbacks` until `release` is called. */
  register(tokens: string[], callbacks: TaskCallbacks): () => void {
    for (const token of tokens) this.waiting.set(token, callbacks);
    return () => {
      for (const token of tokens) {
        if (this.waiting.get(token) === callbacks) this.waiting.delete(token);
      }
    };
  }

  succeed(token: unknown, output: unknown): void {
    this.live(token).succeed(output);
  }

  fail(token: unknown, error: string, cause: string): void {
    this.live(token).fail(error, cause);
  }

  heartbeat(token: unknown): void {
    this.live(token).heartbeat();
  }

  private live(token: unknown): TaskCallbacks {
    if (typeof token !== 'string' || !TOKEN_PATTERN.test(token)) {
      throw new StepFunctionsApiError('InvalidToken', 'Invalid Token: the task token is malformed.');
    }
    const callbacks = this.waiting.get(token);
    if (!callbacks)
      throw new StepFunctionsApiError('TaskTimedOut', 'Task Timed Out: the task is no longer waiting.');
    return callbacks;
  }
}
