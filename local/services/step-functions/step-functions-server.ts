import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { closeServer, listenOnLoopback } from '../listen-on-loopback.js';
import { readRequestBody } from '../read-request-body.js';
import { StepFunctionsApiError } from './step-functions-api-error.js';
import type { StepFunctionsEngine } from './step-functions-engine.js';

type Operation = (engine: StepFunctionsEngine, request: Record<string, unknown>) => unknown;

const OPERATIONS: Record<string, Operation> = {
  StartExecution: (engine, request) => engine.startExecution(request),
  DescribeExecution: (engine, request) => engine.describeExecution(request),
  ListExecutions: (engine, request) => engine.listExecutions(request),
  GetExecutionHistory: (engine, request) => engine.getExecutionHistory(request),
  StopExecution: (engine, request) => engine.stopExecution(request),
  SendTaskSuccess: (engine, request) => engine.sendTaskSuccess(request),
  SendTaskFailure: (engine, request) => engine.sendTaskFailure(request),
  SendTaskHeartbeat: (engine, request) => engine.sendTaskHeartbeat(request),
  DescribeStateMachine: (engine, request) => engine.describeStateMachine(request),
  DescribeStateMachineForExecution: (engine, request) => engine.describeStateMachineForExecution(request),
  ListStateMachines: (engine) => engine.listStateMachines(),
};

function send(response: ServerResponse, statusCode: number, body: unknown, errorType?: string): void {
  const payload = JSON.stringify(body);
  response.writeHead(statusCode, {
    'content-type': 'application/x-amz-json-1.0',
    'content-length': Buffer.byteLength(payload),
    'x-amzn-requestid': randomUUID(),
    ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
  });
  response.end(payload);
}

async function handle(engine: StepFunctionsEngine, request: IncomingMessage, response: ServerResponse) {
  try {
    const target = String(request.headers['x-amz-target'] ?? '');
    const [service, operationName = ''] = target.split('.');
    const operation = OPERATIONS[operationName];
    if (request.method !== 'POST' || service !== 'AWSStepFunctions' || !operation) {
      throw new StepFunctionsApiError('UnknownOperationException', `Unknown operation ${target || '(none)'}`);
    }
    const text = await readRequestBody(request);
    let body: unknown;
    try {
      body = text.length > 0 ? JSON.parse(text) : {};
    } catch {
      throw new StepFunctionsApiError('SerializationException', 'The request body is not JSON.');
    }
    send(response, 200, await operation(engine, (body ?? {}) as Record<string, unknown>));
  } catch (error) {
    if (error instanceof StepFunctionsApiError) {
      send(response, error.statusCode, { __type: error.type, message: error.message }, error.type);
    } else {
      send(
        response,
        500,
        { __type: 'InternalFailure', message: (error as Error).message },
        'InternalFailure',
      );
    }
  }
}

/** The Step Functions API (AWS JSON 1.0, `X-Amz-Target: AWSStepFunctions.<Operation>`) over the engine. */
export async function startStepFunctionsServer(options: { port: number; engine: () => StepFunctionsEngine }) {
  const server: Server = createServer(
    (request, response) => void handle(options.engine(), request, response),
  );
  const port = await listenOnLoopback(server, options.port);
  return { url: `http://127.0.0.1:${port}`, stop: () => closeServer(server) };
}
