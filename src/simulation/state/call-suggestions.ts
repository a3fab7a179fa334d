// What the "Make a call" form suggests: the design's resources (an S3 bucket also as an
// object in it), and actions that make sense for the session's role and the resource picked.

import {
  arnOf,
  attachedPolicies,
  parsePolicyText,
  statementsOf,
  stringList,
  type Design,
  resourceTypes,
} from '../../model';

export interface ResourceSuggestion {
  arn: string;
  label: string;
}

export function resourceSuggestions(design: Design): ResourceSuggestion[] {
  return design.resources.flatMap((resource) => {
    const arn = arnOf(design, resource);
    if (!arn) return [];
    const own = { arn, label: `${resource.name} (${resource.resourceType})` };
    return resourceTypes[resource.resourceType].hasObjects
      ? [own, { arn: `${arn}/example.txt`, label: `an object in ${resource.name}` }]
      : [own];
  });
}

/** Actions the role's own policies name (without wildcards), then the usual ones for each resource type. */
export function actionSuggestions(design: Design, roleArn: string | undefined): string[] {
  const out = new Set<string>();
  const role = roleArn ? design.roles.find((r) => arnOf(design, r) === roleArn) : undefined;
  for (const policy of role ? attachedPolicies(design, role) : []) {
    const parsed = parsePolicyText(policy.text);
    if (!parsed.ok) continue;
    for (const statement of statementsOf(parsed.document)) {
      for (const action of stringList(statement.Action))
        if (!action.includes('*') && !action.includes('?')) out.add(action);
    }
  }
  for (const type of new Set(design.resources.map((r) => r.resourceType)))
    for (const action of resourceTypes[type].callActions) out.add(action);
  out.add('sts:GetCallerIdentity');
  return [...out];
}
