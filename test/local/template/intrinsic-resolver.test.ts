// CloudFormation's Fn::Sub uses ${…} inside plain strings, which is what these tests are about.
/* biome-ignore-all lint/suspicious/noTemplateCurlyInString: Fn::Sub syntax */
import { describe, expect, it } from 'vitest';
import type { CfnTemplate, Json } from '../../../local/template/cloudformation-template.js';
import { IntrinsicResolver, UnresolvableError } from '../../../local/template/intrinsic-resolver.js';

const stateful: CfnTemplate = {
  Parameters: {
    BootstrapVersion: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/cdk-bootstrap/version' },
  },
  Conditions: {
    InUsEast1: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'us-east-1'] },
    NotInUsEast1: { 'Fn::Not': [{ Condition: 'InUsEast1' }] },
  },
  Mappings: { Sizes: { 'us-east-1': { Memory: 512 } } },
  Resources: {
    Table: { Type: 'AWS::DynamoDB::Table', Properties: { TableName: { 'Fn::Join': ['-', ['app', 'dev']] } } },
    DocumentsBucket9EC9: { Type: 'AWS::S3::Bucket' },
    NamedBucket: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'My-Docs' } },
    OnlyElsewhere: { Type: 'AWS::S3::Bucket', Condition: 'NotInUsEast1' },
  },
  Outputs: {
    TableName: { Value: { Ref: 'Table' }, Export: { Name: 'Stateful:TableName' } },
    BucketArn: {
      Value: { 'Fn::GetAtt': ['DocumentsBucket9EC9', 'Arn'] },
      Export: { Name: { 'Fn::Sub': '${AWS::StackName}:BucketArn' } },
    },
  },
};

const stateless: CfnTemplate = {
  Resources: {
    Handler: { Type: 'AWS::Lambda::Function' },
    Machine: { Type: 'AWS::StepFunctions::StateMachine' },
    Api: { Type: 'AWS::ApiGatewayV2::Api' },
  },
};

const resolver = new IntrinsicResolver(
  [
    { stackName: 'Stateful', assemblyDir: '/tmp', template: stateful },
    { stackName: 'Stateless', assemblyDir: '/tmp', template: stateless },
  ],
  { apiUrl: 'http://127.0.0.1:4000' },
);
const resolve = (value: Json, stackName = 'Stateless') => resolver.resolve(stackName, value);

describe('IntrinsicResolver', () => {
  it('gives the pseudo parameters their local values', () => {
    expect(
      resolve([
        { Ref: 'AWS::Partition' },
        { Ref: 'AWS::Region' },
        { Ref: 'AWS::AccountId' },
        { Ref: 'AWS::URLSuffix' },
        { Ref: 'AWS::StackName' },
      ]),
    ).toEqual(['aws', 'us-east-1', '000000000000', 'amazonaws.com', 'Stateless']);
  });

  it('resolves Ref to a parameter to its default', () => {
    expect(resolve({ Ref: 'BootstrapVersion' }, 'Stateful')).toBe('/cdk-bootstrap/version');
  });

  it('names a table by its TableName, a bucket by its lowercased name, a function by its logical id', () => {
    expect(resolve({ Ref: 'Table' }, 'Stateful')).toBe('app-dev');
    expect(resolve({ Ref: 'DocumentsBucket9EC9' }, 'Stateful')).toBe('documentsbucket9ec9');
    expect(resolve({ Ref: 'NamedBucket' }, 'Stateful')).toBe('my-docs');
    expect(resolve({ Ref: 'Handler' })).toBe('Handler');
  });

  it('gives Lambda, state machine, table and bucket ARNs in the local account', () => {
    expect(resolve({ 'Fn::GetAtt': ['Handler', 'Arn'] })).toBe(
      'arn:aws:lambda:us-east-1:000000000000:function:Handler',
    );
    expect(resolve({ 'Fn::GetAtt': 'Handler.Arn' })).toBe(
      'arn:aws:lambda:us-east-1:000000000000:function:Handler',
    );
    expect(resolve({ Ref: 'Machine' })).toBe('arn:aws:states:us-east-1:000000000000:stateMachine:Machine');
    expect(resolve({ 'Fn::GetAtt': ['Table', 'Arn'] }, 'Stateful')).toBe(
      'arn:aws:dynamodb:us-east-1:000000000000:table/app-dev',
    );
    expect(resolve({ 'Fn::GetAtt': ['DocumentsBucket9EC9', 'Arn'] }, 'Stateful')).toBe(
      'arn:aws:s3:::documentsbucket9ec9',
    );
  });

  it('gives an HTTP API the local API URL as its endpoint', () => {
    expect(resolve({ 'Fn::GetAtt': ['Api', 'ApiEndpoint'] })).toBe('http://127.0.0.1:4000');
  });

  it('joins strings that are themselves intrinsics', () => {
    expect(
      resolve({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':states:::lambda:invoke']] }),
    ).toBe('arn:aws:states:::lambda:invoke');
  });

  it('substitutes pseudo parameters, Refs, attributes, variables and keeps ${!literals}', () => {
    expect(resolve({ 'Fn::Sub': '${AWS::Region}/${Handler}/${Handler.Arn}/${!Literal}' })).toBe(
      'us-east-1/Handler/arn:aws:lambda:us-east-1:000000000000:function:Handler/${Literal}',
    );
    expect(resolve({ 'Fn::Sub': ['${Name}-${AWS::AccountId}', { Name: { Ref: 'Handler' } }] })).toBe(
      'Handler-000000000000',
    );
  });

  it('selects from a split string, with the index as a number or a string', () => {
    expect(resolve({ 'Fn::Select': [1, { 'Fn::Split': [':', 'a:b:c'] }] })).toBe('b');
    expect(resolve({ 'Fn::Select': ['2', ['x', 'y', 'z']] })).toBe('z');
  });

  it("imports a value another stack exports, whatever the export name's form", () => {
    expect(resolve({ 'Fn::ImportValue': 'Stateful:TableName' })).toBe('app-dev');
    expect(resolve({ 'Fn::ImportValue': { 'Fn::Join': [':', ['Stateful', 'BucketArn']] } })).toBe(
      'arn:aws:s3:::documentsbucket9ec9',
    );
  });

  it('evaluates conditions and drops AWS::NoValue', () => {
    expect(
      resolve(
        {
          Picked: { 'Fn::If': ['InUsEast1', 'here', 'there'] },
          Dropped: { 'Fn::If': ['NotInUsEast1', 'x', { Ref: 'AWS::NoValue' }] },
          List: ['a', { Ref: 'AWS::NoValue' }, 'b'],
        },
        'Stateful',
      ),
    ).toEqual({ Picked: 'here', List: ['a', 'b'] });
    expect(resolver.resourcesOfType('AWS::S3::Bucket').map((found) => found.logicalId)).not.toContain(
      'OnlyElsewhere',
    );
  });

  it('reads mappings', () => {
    expect(resolve({ 'Fn::FindInMap': ['Sizes', { Ref: 'AWS::Region' }, 'Memory'] }, 'Stateful')).toBe(512);
  });

  it('refuses what it cannot resolve', () => {
    expect(() => resolve({ Ref: 'Missing' })).toThrow(UnresolvableError);
    expect(() => resolve({ 'Fn::ImportValue': 'Nobody:Exports' })).toThrow(UnresolvableError);
    expect(() => resolve({ 'Fn::Cidr': ['10.0.0.0/16', 2, 8] })).toThrow(UnresolvableError);
  });
});

describe('SSM parameter types', () => {
  const writer: CfnTemplate = {
    Resources: {
      Table: { Type: 'AWS::DynamoDB::Table', Properties: { TableName: 'app-dev' } },
      Published: {
        Type: 'AWS::SSM::Parameter',
        Properties: { Name: '/app/dev/table-arn', Type: 'String', Value: { 'Fn::GetAtt': ['Table', 'Arn'] } },
      },
    },
  };
  const reader: CfnTemplate = {
    Parameters: {
      TableArn: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/app/dev/table-arn' },
      Unwritten: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/somewhere/else' },
    },
    Resources: {},
  };
  const ssm = new IntrinsicResolver(
    [
      { stackName: 'Writer', assemblyDir: '/tmp', template: writer },
      { stackName: 'Reader', assemblyDir: '/tmp', template: reader },
    ],
    { apiUrl: 'http://127.0.0.1:4000' },
  );

  it('read the value another stack of the assembly writes to that parameter, as a deploy would', () => {
    expect(ssm.resolve('Reader', { Ref: 'TableArn' })).toBe(
      'arn:aws:dynamodb:us-east-1:000000000000:table/app-dev',
    );
  });

  it('fall back to the parameter name when no stack writes it', () => {
    expect(ssm.resolve('Reader', { Ref: 'Unwritten' })).toBe('/somewhere/else');
  });
});
