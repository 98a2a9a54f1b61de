// The Lambda sandbox of one function: a worker thread that imports the function's bundle once and
// runs invocations sent by function-runtime.ts. Plain JavaScript because worker threads run outside
// tsx and vitest; nothing here is compiled.
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

const {
  entryFile,
  handlerExport,
  functionName,
  functionVersion,
  invokedFunctionArn,
  memoryMb,
  logGroupName,
} = workerData;
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

function runHandler(handler, event, context) {
  if (handler.length < 3) return Promise.resolve().then(() => handler(event, context));
  return new Promise((resolve, reject) => {
    const returned = handler(event, context, (error, result) => (error ? reject(error) : resolve(result)));
    if (returned && typeof returned.then === 'function') returned.then(resolve, reject);
  });
}

parentPort.on('message', async (message) => {
  if (message.type !== 'invoke') return;
  const { id, eventJson, requestId, deadline } = message;
  let handler;
  try {
    handler = await handlerReady;
  } catch (initError) {
    parentPort.postMessage({ type: 'result', id, ok: false, error: initError });
    return;
  }
  try {
    const result = await runHandler(handler, JSON.parse(eventJson), lambdaContext(requestId, deadline));
    // Lambda serializes the result as JSON: what cannot be serialized is lost, as it is on AWS.
    parentPort.postMessage({ type: 'result', id, ok: true, resultJson: JSON.stringify(result) ?? 'null' });
  } catch (error) {
    parentPort.postMessage({ type: 'result', id, ok: false, error: toLambdaError(error, 'Error') });
  }
});
