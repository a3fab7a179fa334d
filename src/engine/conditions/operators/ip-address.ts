/** IpAddress / NotIpAddress: IPv4 and IPv6 addresses and CIDR ranges. */
import { parseCidr, parseIp, type Cidr } from '../../match/ip.ts';
import { negate, type ConditionOperator } from '../operator.ts';

export const ipAddress: ConditionOperator<Cidr> = {
  name: 'IpAddress',
  valueType: 'IPAddress',
  negated: false,
  variables: false,
  wildcards: false,
  compile: parseCidr,
  test: (policy, request) => {
    const ip = parseIp(request);
    return ip !== undefined && policy.contains(ip);
  },
};

export const notIpAddress = negate(ipAddress, 'NotIpAddress');
