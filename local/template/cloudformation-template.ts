/** The parts of a synthesized CloudFormation template that the local cloud reads. */

export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export interface CfnResource {
  Type: string;
  Properties?: JsonObject;
  Metadata?: JsonObject;
  Condition?: string;
  DependsOn?: string | string[];
}

export interface CfnOutput {
  Value: Json;
  Export?: { Name: Json };
  Condition?: string;
}

export interface CfnParameter {
  Type: string;
  Default?: Json;
}

export interface CfnTemplate {
  Parameters?: Record<string, CfnParameter>;
  Mappings?: Record<string, Record<string, Record<string, Json>>>;
  Conditions?: Record<string, Json>;
  Resources?: Record<string, CfnResource>;
  Outputs?: Record<string, CfnOutput>;
}

/** One stack of the cloud assembly: its template and the directory its asset paths are relative to. */
export interface StackTemplate {
  stackName: string;
  assemblyDir: string;
  template: CfnTemplate;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
