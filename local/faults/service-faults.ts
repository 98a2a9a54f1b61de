import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { FaultReply } from './fault-replies.js';

/** Which requests a fault applies to: by method and, for DynamoDB, by operation (`x-amz-target`). */
export interface RequestMatch {
  methods?: string[];
  /** DynamoDB operations such as `PutItem`, `GetItem`. */
  operations?: string[];
}

interface ArmedFault {
  reply: FaultReply;
  match: RequestMatch;
  /** Answers left, for a fault armed for N calls. */
  remaining?: number;
  /** Epoch ms until which it answers, for a fault armed for a time window. */
  until?: number;
}

const operationOf = (request: IncomingMessage) => {
  const target = request.headers['x-amz-target'];
  return typeof target === 'string' ? (target.split('.').pop() ?? '') : '';
};

const matches = (match: RequestMatch, request: IncomingMessage) =>
  (match.methods ?? ['POST']).includes(request.method ?? '') &&
  (match.operations === undefined || match.operations.includes(operationOf(request)));

/**
 * Test-only fault switches for one local HTTP service (the mailbox, DynamoDB): while armed, a
 * matching request gets the fault's reply instead of reaching the service. Off until armed.
 */
export class ServiceFaults {
  private readonly armed: ArmedFault[] = [];
  /** Requests answered with a fault so far, by operation (or method when there is none). */
  readonly injected: string[] = [];
  /** Errors the service itself answered (DynamoDB's `__type`, such as ConditionalCheckFailedException). */
  readonly answeredErrors: string[] = [];

  /** The next `count` matching requests get `reply`. */
  failNext(count: number, reply: FaultReply, match: RequestMatch = {}): void {
    this.armed.push({ reply, match, remaining: count });
  }

  /** Every matching request gets `reply` for the next `ms` milliseconds (an outage). */
  failFor(ms: number, reply: FaultReply, match: RequestMatch = {}): void {
    this.armed.push({ reply, match, until: Date.now() + ms });
  }

  clear(): void {
    this.armed.length = 0;
  }

  /** Puts the switches in front of the server's own request handler. */
  install(server: Server): void {
    const handlers = server.listeners('request') as Array<
      (req: IncomingMessage, res: ServerResponse) => void
    >;
    server.removeAllListeners('request');
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      const reply = this.take(request);
      if (!reply) {
        this.observeErrors(response);
        for (const handle of handlers) handle.call(server, request, response);
        return;
      }
      this.injected.push(operationOf(request) || (request.method ?? ''));
      request.resume();
      request.on('end', () => {
        response.writeHead(reply.status, {
          ...reply.headers,
          'content-length': Buffer.byteLength(reply.body),
        });
        response.end(reply.body);
      });
    });
  }

  private observeErrors(response: ServerResponse): void {
    const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
    response.end = ((...args: unknown[]) => {
      const [chunk] = args;
      if (response.statusCode >= 400 && (typeof chunk === 'string' || Buffer.isBuffer(chunk))) {
        const type = /"__type":"(?:[^"#]*#)?([^"]+)"/.exec(chunk.toString())?.[1];
        if (type) this.answeredErrors.push(type);
      }
      return end(...args);
    }) as ServerResponse['end'];
  }

  private take(request: IncomingMessage): FaultReply | undefined {
    const now = Date.now();
    for (let index = 0; index < this.armed.length; index++) {
      const fault = this.armed[index];
      if (!fault) continue;
      const spent =
        (fault.remaining !== undefined && fault.remaining <= 0) || (fault.until ?? now + 1) <= now;
      if (spent) {
        this.armed.splice(index--, 1);
        continue;
      }
      if (!matches(fault.match, request)) continue;
      if (fault.remaining !== undefined) fault.remaining--;
      return fault.reply;
    }
    return undefined;
  }
}
