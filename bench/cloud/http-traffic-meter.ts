import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DynamoDbCapacityModel } from './dynamodb-capacity.js';

/** Requests the local services answered, by service, as billing would count them. */
export interface TrafficTotals {
  /** Requests to the HTTP API (each one invokes a function). */
  apiRequests: number;
  /** S3 PUT, COPY, POST, LIST requests (POST: a browser upload through a presigned POST). */
  s3PutClass: number;
  /** S3 GET, HEAD and other requests. */
  s3GetClass: number;
  /** S3 DELETE (free). */
  s3Free: number;
}

interface ServerPorts {
  api: number;
  s3: number;
}

const portOf = (url: string) => Number(new URL(url).port);

/**
 * Watches every HTTP request the local services receive, through Node's `http.server.request.start`
 * diagnostics channel (no change to the services): counts API and S3 requests by the server's port,
 * and hands each DynamoDB request and its response to the capacity model.
 */
export class HttpTrafficMeter {
  readonly totals: TrafficTotals = { apiRequests: 0, s3PutClass: 0, s3GetClass: 0, s3Free: 0 };
  private ports: ServerPorts | undefined;
  private dynamodb: DynamoDbCapacityModel | undefined;

  /** Subscribes now (before the services start); nothing is counted until `start`. */
  listen(): void {
    subscribe('http.server.request.start', (message) => {
      const { request, response, server } = message as {
        request: IncomingMessage;
        response: ServerResponse;
        server: Server;
      };
      if (!this.ports) return;
      const target = request.headers['x-amz-target'];
      if (this.dynamodb && typeof target === 'string' && target.startsWith('DynamoDB_20120810.')) {
        this.watchDynamoDb(target.slice('DynamoDB_20120810.'.length), request, response, this.dynamodb);
        return;
      }
      const port = (server.address() as AddressInfo | null)?.port;
      if (port === this.ports.api) this.totals.apiRequests++;
      else if (port === this.ports.s3) this.countS3(request.method ?? 'GET');
    });
  }

  start(endpoints: { api: string; s3: string }, dynamodb?: DynamoDbCapacityModel): void {
    this.ports = { api: portOf(endpoints.api), s3: portOf(endpoints.s3) };
    this.dynamodb = dynamodb;
  }

  private countS3(method: string): void {
    if (method === 'PUT' || method === 'POST') this.totals.s3PutClass++;
    else if (method === 'DELETE') this.totals.s3Free++;
    else this.totals.s3GetClass++;
  }

  /** Reads the request body alongside the service (a second 'data' listener) and the body it answers with. */
  private watchDynamoDb(
    operation: string,
    request: IncomingMessage,
    response: ServerResponse,
    model: DynamoDbCapacityModel,
  ): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
    response.end = ((...args: unknown[]) => {
      try {
        const [body] = args;
        const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : '';
        model.record(
          operation,
          JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>,
          response.statusCode,
          text ? (JSON.parse(text) as unknown) : undefined,
        );
      } catch {
        // Not JSON (an error page): nothing to price.
      }
      return end(...args);
    }) as typeof response.end;
  }
}
