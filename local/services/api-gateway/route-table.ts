import type { RouteSpec } from '../../template/local-cloud-model.js';

type Segment =
  | { kind: 'literal'; value: string }
  | { kind: 'param'; name: string }
  | { kind: 'greedy'; name: string };

interface CompiledRoute {
  route: RouteSpec;
  method: string;
  segments: Segment[];
}

export interface RouteMatch {
  route: RouteSpec;
  pathParameters: Record<string, string>;
}

function splitPath(path: string): string[] {
  const trimmed = path.startsWith('/') ? path.slice(1) : path;
  return trimmed === '' ? [] : trimmed.split('/');
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function compile(route: RouteSpec): CompiledRoute | undefined {
  const space = route.routeKey.indexOf(' ');
  if (space <= 0) return undefined;
  const method = route.routeKey.slice(0, space).toUpperCase();
  const segments = splitPath(route.routeKey.slice(space + 1)).map((part): Segment => {
    const variable = /^\{([^}]+)\}$/.exec(part)?.[1];
    if (!variable) return { kind: 'literal', value: part };
    return variable.endsWith('+')
      ? { kind: 'greedy', name: variable.slice(0, -1) }
      : { kind: 'param', name: variable };
  });
  return { route, method, segments };
}

function matchSegments(segments: Segment[], parts: string[]): Record<string, string> | undefined {
  const parameters: Record<string, string> = {};
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index] as Segment;
    if (segment.kind === 'greedy') {
      const rest = parts.slice(index);
      if (rest.length === 0) return undefined;
      parameters[segment.name] = rest.map(decodeSegment).join('/');
      return parameters;
    }
    const part = parts[index];
    if (part === undefined || part === '') return undefined;
    if (segment.kind === 'literal' && decodeSegment(part) !== segment.value) return undefined;
    if (segment.kind === 'param') parameters[segment.name] = decodeSegment(part);
  }
  return segments.length === parts.length ? parameters : undefined;
}

const SPECIFICITY = { literal: 2, param: 1, greedy: 0 } as const;

/** Orders matches as API Gateway does: literal before variable before greedy, segment by segment; a method before ANY. */
function compareSpecificity(a: CompiledRoute, b: CompiledRoute): number {
  const length = Math.max(a.segments.length, b.segments.length);
  for (let index = 0; index < length; index++) {
    const left = a.segments[index];
    const right = b.segments[index];
    const difference = (right ? SPECIFICITY[right.kind] : -1) - (left ? SPECIFICITY[left.kind] : -1);
    if (difference !== 0) return difference;
  }
  return (a.method === 'ANY' ? 1 : 0) - (b.method === 'ANY' ? 1 : 0);
}

/** The routes of an HTTP API (`METHOD /path/{param}`, `ANY /{proxy+}`, `$default`). */
export class RouteTable {
  private readonly routes: CompiledRoute[] = [];
  private readonly defaultRoute: RouteSpec | undefined;

  constructor(routes: RouteSpec[]) {
    for (const route of routes) {
      if (route.routeKey === '$default') continue;
      const compiled = compile(route);
      if (compiled) this.routes.push(compiled);
    }
    this.routes.sort(compareSpecificity);
    this.defaultRoute = routes.find((route) => route.routeKey === '$default');
  }

  match(method: string, path: string): RouteMatch | undefined {
    const parts = splitPath(path);
    for (const compiled of this.routes) {
      if (compiled.method !== 'ANY' && compiled.method !== method.toUpperCase()) continue;
      const pathParameters = matchSegments(compiled.segments, parts);
      if (pathParameters) return { route: compiled.route, pathParameters };
    }
    return this.defaultRoute ? { route: this.defaultRoute, pathParameters: {} } : undefined;
  }
}
