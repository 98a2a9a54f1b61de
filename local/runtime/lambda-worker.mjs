// The Lambda sandbox of one function: a worker thread that imports the function's bundle once and
// runs invocations sent by function-runtime.ts. Plain JavaScript because worker threads run outside
// tsx and vitest; nothing here is compiled.
import { AsyncLocalStorage } from 'node:async_hooks';
import diagnosticsChannel from 'node:diagnostics_channel';
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { InvokeStore, InvokeStoreBase } from '@aws/lambda-invoke-store';

const {
  entryFile,
  handlerExport,
  functionName,
  functionVersion,
  invokedFunctionArn,
  memoryMb,
  logGroupName,
} = workerData;
// Unlike a Lambda sandbox, this one runs a function's invocations concurrently. The Node.js runtime of a
// Lambda environment that does so (AWS_LAMBDA_MAX_CONCURRENCY, set by lambda-environment.ts) scopes each
// invocation in an InvokeStore, where Powertools keeps per-invocation state such as appended log keys:
// so does this worker, or one invocation's placementId would show up on another's log lines.
const invokeStore = await InvokeStore.getInstanceAsync(true);

const logStreamName = `${new Date().toISOString().slice(0, 10).replaceAll('-', '/')}/[$LATEST]local`;

function toLambdaError(error, fallbackType) {
  if (error instanceof Error) {
    return {
      errorType: error.name || fallbackType,
      errorMessage: error.message,
      trace: typeof error.stack === 'string' ? error.stack.split('\n') : [],
    };
  }
  if (typeof error === 'string') return { errorType: 'string', errorMessage: error, trace: [] };
  return { errorType: fallbackType, errorMessage: JSON.stringify(error) ?? String(error), trace: [] };
}

async function loadHandler() {
  let module;
  try {
    module = await import(pathToFileURL(entryFile).href);
  } catch (error) {
    const initError = toLambdaError(error, 'Runtime.ImportModuleError');
    if (error?.code === 'ERR_MODULE_NOT_FOUND') initError.errorType = 'Runtime.ImportModuleError';
    if (error instanceof SyntaxError) initError.errorType = 'Runtime.UserCodeSyntaxError';
    throw initError;
  }
  const handler = module[handlerExport] ?? module.default?.[handlerExport];
  if (typeof handler !== 'function') {
    throw {
      errorType: 'Runtime.HandlerNotFound',
      errorMessage: `${entryFile}.${handlerExport} is undefined or not exported`,
      trace: [],
    };
  }
  return handler;
}

const handlerReady = loadHandler();
handlerReady.then(
  () => parentPort.postMessage({ type: 'ready' }),
  (error) => parentPort.postMessage({ type: 'init-error', error }),
);

function lambdaContext(requestId, deadline) {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion,
    invokedFunctionArn,
    memoryLimitInMB: String(memoryMb),
    awsRequestId: requestId,
    logGroupName,
    logStreamName,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => {},
    succeed: () => {},
    fail: () => {},
  };
}

// Test-only faults (local/faults/function-faults.ts): an invocation may carry one, which crashes or
// freezes this sandbox just before its first request to a service, or just after the answer came.
const invocationFaults = new AsyncLocalStorage();
const FAULT_ENDPOINTS = {
  ses: process.env.AWS_ENDPOINT_URL_SES,
  dynamodb: process.env.AWS_ENDPOINT_URL_DYNAMODB,
  s3: process.env.AWS_ENDPOINT_URL_S3,
  stepfunctions: process.env.AWS_ENDPOINT_URL_SFN,
};
const faultOfRequest = new WeakMap();

function goesTo(request, service) {
  const endpoint = FAULT_ENDPOINTS[service];
  return Boolean(endpoint) && String(request.getHeader('host') ?? '') === new URL(endpoint).host;
}

function strike(fault) {
  if (fault.action === 'crash') process.exit(1);
  // Frozen until the runtime's timeout throws the sandbox away, as Lambda does with a timed-out one.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}

// Before the request is handed to a socket, so not a byte of it is sent (a reused keep-alive socket
// would take it at once): the SDK's agents are http.Agent instances.
const addRequest = http.Agent.prototype.addRequest;
http.Agent.prototype.addRequest = function addRequestOrStrike(request, options) {
  const fault = invocationFaults.getStore();
  if (fault && !fault.struck && goesTo(request, fault.service)) {
    fault.struck = true;
    if (fault.when === 'before') strike(fault);
    else faultOfRequest.set(request, fault);
  }
  return addRequest.call(this, request, options);
};
diagnosticsChannel.subscribe('http.client.response.finish', ({ request }) => {
  const fault = faultOfRequest.get(request);
  if (fault) strike(fault);
});

const withFault = (fault, run) => (fault ? invocationFaults.run({ ...fault }, run) : run());

function runHandler(handler, event, context) {
  if (handler.length < 3) return Promise.resolve().then(() => handler(event, context));
  return new Promise((resolve, reject) => {
    const returned = handler(event, context, (error, result) => (error ? reject(error) : resolve(result)));
    if (returned && typeof returned.then === 'function') returned.then(resolve, reject);
  });
}

parentPort.on('message', async (message) => {
  if (message.type !== 'invoke') return;
  const { id, eventJson, requestId, deadline, fault } = message;
  let handler;
  try {
    handler = await handlerReady;
  } catch (initError) {
    parentPort.postMessage({ type: 'result', id, ok: false, error: initError });
    return;
  }
  try {
    const result = await invokeStore.run({ [InvokeStoreBase.PROTECTED_KEYS.REQUEST_ID]: requestId }, () =>
      withFault(fault, () => runHandler(handler, JSON.parse(eventJson), lambdaContext(requestId, deadline))),
    );
    // Lambda serializes the result as JSON: what cannot be serialized is lost, as it is on AWS.
    parentPort.postMessage({ type: 'result', id, ok: true, resultJson: JSON.stringify(result) ?? 'null' });
  } catch (error) {
    parentPort.postMessage({ type: 'result', id, ok: false, error: toLambdaError(error, 'Error') });
  }
});
