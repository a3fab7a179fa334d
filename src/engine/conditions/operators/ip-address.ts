/** IpAddress / NotIpAddress: IPv4 and IPv6 addresses and CIDR ranges. */
import { parseCidr, parseIp, type Cidr, type IpValue } from '../../match/ip.ts';
import { negate, type ConditionOperator } from '../operator.ts';

export const ipAddress: ConditionOperator<Cidr, IpValue> = {
  name: 'IpAddress',
  valueType: 'IPAddress',
  negated: false,
  variables: false,
  wildcards: false,
  compile: parseCidr,
  read: parseIp,
  test: (policy, request) => policy.contains(request),
};

export const notIpAddress = negate(ipAddress, 'NotIpAddress');
