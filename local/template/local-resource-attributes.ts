import type { Json } from './cloudformation-template.js';
import {
  LOCAL_ACCOUNT_ID,
  LOCAL_PARTITION,
  LOCAL_REGION,
  LOCAL_URL_SUFFIX,
  lambdaFunctionArn,
  stateMachineArn,
} from './local-aws-account.js';

/** What a resource's local `Ref` and `Fn::GetAtt` values are derived from. */
export interface LocalResource {
  logicalId: string;
  type: string;
  /** A property of the resource, resolved; undefined when absent. */
  property(name: string): Json | undefined;
  /** The local API Gateway base URL (for `ApiEndpoint`). */
  apiUrl: string;
  /** The local OpenID Connect provider's issuer (for a user pool's `ProviderURL`), when one runs. */
  identityProviderUrl?: string;
}

const arnPrefix = (service: string) =>
  `arn:${LOCAL_PARTITION}:${service}:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}`;

function namedBy(resource: LocalResource, propertyName: string): string {
  const value = resource.property(propertyName);
  return typeof value === 'string' && value.length > 0 ? value : resource.logicalId;
}

/** S3 bucket names are lowercase, 3–63 characters of letters, digits, dots and hyphens. */
export function localBucketName(resource: LocalResource): string {
  const declared = resource.property('BucketName');
  const name = typeof declared === 'string' && declared.length > 0 ? declared : resource.logicalId;
  const cleaned = name
    .toLowerCase()
    .replace(/[^a-z0-9.-]/g, '-')
    .slice(0, 63);
  return cleaned.length >= 3 ? cleaned : `${cleaned}-bucket`;
}

export function localTableName(resource: LocalResource): string {
  return namedBy(resource, 'TableName');
}

/** The physical id `Ref` returns for a resource, with local values. */
export function localRef(resource: LocalResource): Json {
  const { logicalId } = resource;
  switch (resource.type) {
    case 'AWS::DynamoDB::Table':
    case 'AWS::DynamoDB::GlobalTable':
      return localTableName(resource);
    case 'AWS::S3::Bucket':
      return localBucketName(resource);
    case 'AWS::Lambda::Function':
      return logicalId;
    case 'AWS::StepFunctions::StateMachine':
      return stateMachineArn(logicalId);
    case 'AWS::SNS::Topic':
      return `${arnPrefix('sns')}:${namedBy(resource, 'TopicName')}`;
    case 'AWS::SQS::Queue':
      return `http://sqs.${LOCAL_REGION}.localhost/${LOCAL_ACCOUNT_ID}/${namedBy(resource, 'QueueName')}`;
    case 'AWS::Logs::LogGroup':
      return namedBy(resource, 'LogGroupName');
    case 'AWS::IAM::Role':
      return namedBy(resource, 'RoleName');
    case 'AWS::ApiGatewayV2::Api':
      return logicalId.toLowerCase().slice(0, 10);
    case 'AWS::ApiGatewayV2::Stage':
      return namedBy(resource, 'StageName');
    case 'AWS::SES::ConfigurationSet':
      return namedBy(resource, 'Name');
    case 'AWS::Events::EventBus':
      return namedBy(resource, 'Name');
    case 'AWS::Cognito::UserPool':
      return localUserPoolId(resource);
    case 'AWS::Cognito::UserPoolClient':
      return localUserPoolClientId(resource);
    default:
      return logicalId;
  }
}

/** The value `Fn::GetAtt` returns for a resource attribute, with local values. */
export function localAttribute(resource: LocalResource, attribute: string): Json {
  const { logicalId, type } = resource;
  switch (type) {
    case 'AWS::DynamoDB::Table':
    case 'AWS::DynamoDB::GlobalTable': {
      const arn = `${arnPrefix('dynamodb')}:table/${localTableName(resource)}`;
      if (attribute === 'Arn') return arn;
      if (attribute === 'StreamArn' || attribute === 'LatestStreamArn') {
        return `${arn}/stream/1970-01-01T00:00:00.000`;
      }
      break;
    }
    case 'AWS::S3::Bucket': {
      const name = localBucketName(resource);
      if (attribute === 'Arn') return `arn:${LOCAL_PARTITION}:s3:::${name}`;
      if (attribute === 'DomainName') return `${name}.s3.${LOCAL_URL_SUFFIX}`;
      if (attribute === 'RegionalDomainName') return `${name}.s3.${LOCAL_REGION}.${LOCAL_URL_SUFFIX}`;
      if (attribute === 'DualStackDomainName') {
        return `${name}.s3.dualstack.${LOCAL_REGION}.${LOCAL_URL_SUFFIX}`;
      }
      if (attribute === 'WebsiteURL') return `http://${name}.s3-website-${LOCAL_REGION}.${LOCAL_URL_SUFFIX}`;
      break;
    }
    case 'AWS::Lambda::Function':
      if (attribute === 'Arn') return lambdaFunctionArn(logicalId);
      break;
    case 'AWS::StepFunctions::StateMachine':
      if (attribute === 'Arn') return stateMachineArn(logicalId);
      if (attribute === 'Name') return logicalId;
      break;
    case 'AWS::IAM::Role':
      if (attribute === 'Arn')
        return `arn:${LOCAL_PARTITION}:iam::${LOCAL_ACCOUNT_ID}:role/${localRef(resource)}`;
      if (attribute === 'RoleId') return `AROA${logicalId.toUpperCase().slice(0, 17)}`;
      break;
    case 'AWS::ApiGatewayV2::Api':
      if (attribute === 'ApiEndpoint') return resource.apiUrl;
      if (attribute === 'ApiId') return localRef(resource);
      break;
    case 'AWS::SNS::Topic':
      if (attribute === 'TopicArn') return localRef(resource);
      if (attribute === 'TopicName') return namedBy(resource, 'TopicName');
      break;
    case 'AWS::SQS::Queue':
      if (attribute === 'Arn') return `${arnPrefix('sqs')}:${namedBy(resource, 'QueueName')}`;
      if (attribute === 'QueueName') return namedBy(resource, 'QueueName');
      if (attribute === 'QueueUrl') return localRef(resource);
      break;
    case 'AWS::Logs::LogGroup':
      if (attribute === 'Arn') return `${arnPrefix('logs')}:log-group:${localRef(resource)}:*`;
      break;
    case 'AWS::Cognito::UserPool': {
      const issuer = localUserPoolIssuer(resource);
      if (attribute === 'ProviderURL') return issuer;
      if (attribute === 'ProviderName') return issuer.replace(/^https?:\/\//, '');
      if (attribute === 'UserPoolId') return localUserPoolId(resource);
      if (attribute === 'Arn') return `${arnPrefix('cognito-idp')}:userpool/${localUserPoolId(resource)}`;
      break;
    }
    case 'AWS::Events::EventBus':
      if (attribute === 'Arn') return `${arnPrefix('events')}:event-bus/${localRef(resource)}`;
      if (attribute === 'Name') return localRef(resource);
      break;
    case 'AWS::Cognito::UserPoolClient':
      if (attribute === 'ClientId') return localUserPoolClientId(resource);
      break;
  }
  if (attribute === 'Arn') {
    const [, service = 'local', kind = 'resource'] = type.split('::');
    return `${arnPrefix(service.toLowerCase())}:${kind.toLowerCase()}/${logicalId}`;
  }
  return `${logicalId}.${attribute}`;
}

/**
 * Cognito locally (DESIGN "Local cloud": sign-in through a real OpenID Connect provider on loopback).
 * The local identity provider (local/services/identity-provider/) serves every user pool of the
 * template. The settled contract: the console takes its issuer from the pool's `ProviderURL`
 * (CDK `userPool.userPoolProviderUrl`) and its client id from the app client's `Ref`
 * (`userPoolClient.userPoolClientId`). Locally `ProviderURL` is the local provider's issuer, and the
 * client's `Ref` is the client id the provider registers with the client's CallbackURLs and LogoutURLs
 * (local/template/local-user-pool-clients.ts). A pool's `Ref` stays a pool id (`us-east-1_…`), as
 * other resources (the client, groups, the domain) use it as one; an issuer built by hand from it
 * (`https://cognito-idp.<region>.amazonaws.com/<Ref>`) would not reach the local provider: use
 * `ProviderURL`.
 */
export function localUserPoolId(resource: LocalResource): string {
  return `${LOCAL_REGION}_${resource.logicalId.replace(/[^A-Za-z0-9]/g, '').slice(0, 40)}`;
}

export function localUserPoolClientId(resource: LocalResource): string {
  return resource.logicalId;
}

/** The issuer a user pool's tokens carry: the local provider's, else what Cognito's would be. */
export function localUserPoolIssuer(resource: LocalResource): string {
  return (
    resource.identityProviderUrl ??
    `https://cognito-idp.${LOCAL_REGION}.${LOCAL_URL_SUFFIX}/${localUserPoolId(resource)}`
  );
}
