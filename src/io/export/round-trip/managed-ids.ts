// Test support, shared by the Terraform and CloudFormation readers: a managed policy's design
// id by its ARN, an AWS-managed one added on first sight (exports name it, they do not define it).
import type { sequentialIds } from '../../../model';
import { makeManagedPolicy, type Design, type PolicyAttachment } from '../../../model';

export function managedIds(design: Design, ids: ReturnType<typeof sequentialIds>, where: string) {
  const byArn = new Map<string, string>();
  const idOf = (arn: string): string => {
    const known = byArn.get(arn);
    if (known) return known;
    const aws = /^arn:aws:iam::aws:policy(\/(?:.+\/)?)([^/]+)$/.exec(arn);
    if (!aws) throw new Error(`attached policy ${arn} is not in the ${where}`);
    const record = makeManagedPolicy(
      { type: 'aws-managed', name: aws[2]!, path: aws[1]!, text: '{}' },
      ids,
    );
    design.managedPolicies.push(record);
    byArn.set(arn, record.id);
    return record.id;
  };
  return {
    /** Records a policy the export defines. */
    define: (arn: string, id: string) => void byArn.set(arn, id),
    idOf,
    attached: (arn: string): PolicyAttachment => ({ attachment: 'managed', id: idOf(arn) }),
  };
}
