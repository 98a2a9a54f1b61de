/**
 * Resolves the CloudFormation intrinsics the CDK puts into a synthesized value (a state machine's
 * DefinitionString, an environment variable, a policy resource) into plain values, for assertions.
 * Pure: a reference to a resource becomes a readable stand-in (`Ref X` → `X`, `GetAtt X.Arn` →
 * `X.Arn`), pseudo parameters become fixed values. Unknown intrinsics throw, so a test notices them.
 */

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface IntrinsicStandIns {
  ref?: (logicalId: string) => Json;
  getAtt?: (logicalId: string, attribute: string) => Json;
}

const PSEUDO_PARAMETERS: Record<string, string> = {
  'AWS::Partition': 'aws',
  'AWS::Region': 'us-east-1',
  'AWS::AccountId': '000000000000',
  'AWS::URLSuffix': 'amazonaws.com',
};

export function resolveIntrinsics(value: unknown, standIns: IntrinsicStandIns = {}): Json {
  const ref = standIns.ref ?? ((logicalId: string) => logicalId);
  const getAtt = standIns.getAtt ?? ((logicalId: string, attribute: string) => `${logicalId}.${attribute}`);

  const visit = (node: unknown): Json => {
    if (node === null || typeof node !== 'object') return node as Json;
    if (Array.isArray(node)) return node.map(visit);
    const entries = Object.entries(node);
    const [only] = entries;
    if (entries.length === 1 && only && (only[0] === 'Ref' || only[0].startsWith('Fn::'))) {
      return intrinsic(only[0], only[1]);
    }
    return Object.fromEntries(entries.map(([key, item]) => [key, visit(item)]));
  };

  const text = (node: unknown): string => {
    const resolved = visit(node);
    if (typeof resolved === 'object' && resolved !== null) {
      throw new Error(`Expected text, got ${JSON.stringify(resolved)}`);
    }
    return String(resolved);
  };

  const intrinsic = (name: string, argument: unknown): Json => {
    switch (name) {
      case 'Ref': {
        const target = text(argument);
        return PSEUDO_PARAMETERS[target] ?? ref(target);
      }
      case 'Fn::GetAtt': {
        const [logicalId, attribute] = Array.isArray(argument)
          ? argument.map(text)
          : text(argument).split(/\.(.*)/s);
        return getAtt(String(logicalId), String(attribute));
      }
      case 'Fn::Join': {
        const [delimiter, items] = argument as [string, unknown[]];
        return items.map(text).join(delimiter);
      }
      case 'Fn::Select': {
        const [index, list] = argument as [unknown, unknown];
        const items = visit(list);
        if (!Array.isArray(items)) throw new Error('Fn::Select needs a list');
        return items[Number(visit(index))] ?? null;
      }
      case 'Fn::Split': {
        const [delimiter, source] = argument as [string, unknown];
        return text(source).split(delimiter);
      }
      default:
        throw new Error(`resolveIntrinsics does not handle ${name}`);
    }
  };

  return visit(value);
}
