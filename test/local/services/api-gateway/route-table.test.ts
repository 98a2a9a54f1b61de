import { describe, expect, it } from 'vitest';
import {
  COORDINATOR_ROUTES,
  PORTAL_ROUTES,
  REVIEW_ROUTES,
  routeKeyParts,
} from '../../../../functions/contract/index.js';
import { RouteTable } from '../../../../local/services/api-gateway/route-table.js';

const route = (routeKey: string) => ({
  routeKey,
  functionName: routeKey,
  payloadFormatVersion: '2.0',
  authorizationType: 'NONE',
});

describe('RouteTable', () => {
  const table = new RouteTable([
    route('GET /placements'),
    route('GET /placements/{placementId}'),
    route('POST /placements/{placementId}/cancel'),
    route('GET /placements/special'),
    route('ANY /placements/{placementId}'),
    route('ANY /files/{proxy+}'),
  ]);

  it('matches a literal route by method and path', () => {
    expect(table.match('GET', '/placements')).toEqual({
      route: route('GET /placements'),
      pathParameters: {},
    });
  });

  it('fills path parameters, URL-decoded', () => {
    expect(table.match('GET', '/placements/p%201')?.pathParameters).toEqual({ placementId: 'p 1' });
  });

  it('prefers a literal segment over a variable one', () => {
    expect(table.match('GET', '/placements/special')?.route.routeKey).toBe('GET /placements/special');
  });

  it('prefers the exact method over ANY', () => {
    expect(table.match('GET', '/placements/p1')?.route.routeKey).toBe('GET /placements/{placementId}');
    expect(table.match('DELETE', '/placements/p1')?.route.routeKey).toBe('ANY /placements/{placementId}');
  });

  it('lets a greedy variable take the rest of the path, but not nothing', () => {
    expect(table.match('PUT', '/files/a/b/c')?.pathParameters).toEqual({ proxy: 'a/b/c' });
    expect(table.match('PUT', '/files')).toBeUndefined();
  });

  it('does not match a different method, an extra segment or an empty variable', () => {
    expect(table.match('POST', '/placements')).toBeUndefined();
    expect(table.match('POST', '/placements/p1/cancel/now')).toBeUndefined();
    expect(table.match('GET', '/placements//')).toBeUndefined();
  });

  it('falls back to $default when nothing else matches', () => {
    const withDefault = new RouteTable([route('GET /a'), route('$default')]);
    expect(withDefault.match('POST', '/b')?.route.routeKey).toBe('$default');
    expect(withDefault.match('GET', '/a')?.route.routeKey).toBe('GET /a');
  });

  it('sends a request on each of the API routes to that route and no other', () => {
    const apiRoutes = [...COORDINATOR_ROUTES, ...PORTAL_ROUTES, ...REVIEW_ROUTES];
    const api = new RouteTable(apiRoutes.map(route));
    for (const routeKey of apiRoutes) {
      const { method, path } = routeKeyParts(routeKey);
      const concretePath = path.replace(/\{\w+\}/g, 'abc123');
      expect(api.match(method, concretePath)?.route.routeKey, `${method} ${concretePath}`).toBe(routeKey);
    }
  });
});
