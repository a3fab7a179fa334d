import { describe, expect, it } from 'vitest';
import { StsSimulator, toJsonLines } from '../../sts/index.ts';
import { sampleDesign } from '../../model';
import { designToWorld } from '../world/design-world';
import { ANY, ANY_ERROR, NO_ERROR, NO_FILTER, filterChoices, filterEvents } from './event-filter';

function log() {
  const sim = new StsSimulator({ world: designToWorld(sampleDesign()).world });
  const alice = { principal: 'arn:aws:iam::111111111111:user/alice' };
  const ok = sim.assume({
    by: alice,
    roleArn: 'arn:aws:iam::111111111111:role/Developer',
    params: {
      RoleSessionName: 'alice',
      SerialNumber: 'arn:aws:iam::111111111111:mfa/alice',
      TokenCode: '123456',
    },
  });
  sim.assume({
    by: alice,
    roleArn: 'arn:aws:iam::222222222222:role/Deploy',
    params: { RoleSessionName: 'alice' },
  });
  if (!ok.ok) throw new Error('assume failed');
  sim.clock.advance(3600);
  sim.call(
    { accessKeyId: ok.session.accessKeyId },
    { action: 's3:GetObject', resource: 'arn:aws:s3:::prod-artifacts/x' },
  );
  return sim.log.events();
}

describe('filterEvents', () => {
  const events = log();
  it.each([
    ['no filter keeps all', NO_FILTER, ['AssumeRole', 'AssumeRole', 'GetObject']],
    ['by event name', { ...NO_FILTER, eventName: 'GetObject' }, ['GetObject']],
    ['errors only', { ...NO_FILTER, error: ANY_ERROR }, ['AssumeRole', 'GetObject']],
    ['no errors', { ...NO_FILTER, error: NO_ERROR }, ['AssumeRole']],
    ['one error code', { ...NO_FILTER, error: 'ExpiredToken' }, ['GetObject']],
    [
      'text anywhere in the record, every word',
      { text: 'deploy ACCESSDENIED', eventName: ANY, error: ANY },
      ['AssumeRole'],
    ],
    ['text that matches nothing', { ...NO_FILTER, text: 'kms' }, []],
  ])('%s', (_name, filter, names) => {
    expect(filterEvents(events, filter).map((e) => e.eventName)).toEqual(names);
  });

  it('offers the names and error codes that occur', () => {
    expect(filterChoices(events)).toEqual({
      eventNames: ['AssumeRole', 'GetObject'],
      errorCodes: ['AccessDenied', 'ExpiredToken'],
    });
  });

  it('exports what it keeps as one JSON record per line', () => {
    const lines = toJsonLines(filterEvents(events, { ...NO_FILTER, error: ANY_ERROR }))
      .trimEnd()
      .split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { errorCode: string }).errorCode)).toEqual([
      'AccessDenied',
      'ExpiredToken',
    ]);
  });
});
