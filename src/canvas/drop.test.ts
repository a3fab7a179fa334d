import { describe, expect, it } from 'vitest';
import {
  arnOfId,
  attachedPolicies,
  emptyDesign,
  findEntity,
  sampleDesign,
  type Design,
  type Role,
} from '../model';
import { additionFor, type AddableKind } from './add-entity';
import { connectionCommand, edgeRemovalCommand } from './connect';
import { commitDrops } from './drop';
import { buildTrustEdges } from './edges/build-edges';
import { FIT_PADDING, READABLE_ZOOM } from './view-fit';
import { ENTITY_HEIGHT, ENTITY_WIDTH, type Frame } from './geometry';
import { accountFrames, buildNodes, entityPositions } from './nodes/build-nodes';

describe('dropping nodes', () => {
  it('a role dropped inside another account moves there, and policies naming it follow', () => {
    const design = sampleDesign();
    const dev = accountFrames(design).get('acct-dev')!;
    const next = commitDrops(design, [{ id: 'role-deploy', x: dev.x + 40, y: dev.y + 320 }]);
    expect((findEntity(next, 'role-deploy') as Role).account).toBe('acct-dev');
    expect(arnOfId(next, 'role-deploy')).toBe('arn:aws:iam::111111111111:role/Deploy');
    const developer = findEntity(next, 'role-developer') as Role;
    expect(attachedPolicies(next, developer)[0]!.text).toContain(
      'arn:aws:iam::111111111111:role/Deploy',
    );
    expect(next.layout['role-deploy']).toEqual({ x: dev.x + 40, y: dev.y + 320 });
  });

  it('a role dropped inside its own account only moves', () => {
    const design = sampleDesign();
    const next = commitDrops(design, [{ id: 'role-deploy', x: 470, y: 250 }]);
    expect((findEntity(next, 'role-deploy') as Role).account).toBe('acct-prod');
    expect(next.layout['role-deploy']).toEqual({ x: 470, y: 250 });
  });

  it('an account carries its entities along', () => {
    const design = sampleDesign();
    const before = entityPositions(design);
    const frame = accountFrames(design).get('acct-dev')!;
    const next = commitDrops(design, [{ id: 'acct-dev', x: frame.x - 100, y: frame.y + 50 }]);
    for (const id of ['user-alice', 'role-developer']) {
      expect(next.layout[id]).toMatchObject({
        x: before.get(id)!.x - 100,
        y: before.get(id)!.y + 50,
      });
    }
    expect(next.layout['role-deploy']).toEqual(design.layout['role-deploy']);
  });

  it('dropping where it was changes nothing', () => {
    const design = sampleDesign();
    const at = design.layout['user-alice']!;
    expect(commitDrops(design, [{ id: 'user-alice', x: at.x, y: at.y }])).toBe(design);
  });
});

describe('drawing edges', () => {
  const cases: { from: string; to: string; valid: boolean }[] = [
    { from: 'user-alice', to: 'role-deploy', valid: true },
    { from: 'acct-prod', to: 'role-developer', valid: true },
    { from: 'service-lambda', to: 'role-deploy', valid: true },
    { from: 'idp-github', to: 'role-developer', valid: true },
    { from: 'role-deploy', to: 'role-deploy', valid: false },
    { from: 'user-alice', to: 'resource-artifacts', valid: false },
    { from: 'resource-artifacts', to: 'role-deploy', valid: false },
  ];
  it.each(cases)('$from → $to: $valid', ({ from, to, valid }) => {
    expect(connectionCommand(sampleDesign(), from, to) !== undefined).toBe(valid);
  });

  it('drawing then deleting a trust edge gives back the trust policy as it was', () => {
    const design = sampleDesign();
    const drawn = connectionCommand(design, 'user-alice', 'role-deploy')!(design);
    const edge = buildTrustEdges(drawn).find((e) => e.id === 'trust:role-deploy:user-alice')!;
    expect(edge).toBeDefined();
    const removed = edgeRemovalCommand([edge])(drawn);
    expect((findEntity(removed, 'role-deploy') as Role).trustPolicy).toBe(
      (findEntity(design, 'role-deploy') as Role).trustPolicy,
    );
  });
});

describe('adding from the toolbar', () => {
  const kinds: AddableKind[] = ['user', 'group', 'role', 'identity-provider', 'resource'];
  it.each(kinds)('a new %s lands in the selected account without covering a node', (kind) => {
    const design = sampleDesign();
    const addition = additionFor(kind, design, ['role-deploy']);
    const next = addition.command(design);
    const added = findEntity(next, addition.id)!;
    expect('account' in added && added.account).toBe('acct-prod');
    const at = next.layout[addition.id]!;
    for (const [id, other] of entityPositions(design)) {
      const overlaps =
        Math.abs(other.x - at.x) < ENTITY_WIDTH && Math.abs(other.y - at.y) < ENTITY_HEIGHT;
      expect(overlaps, `overlaps ${id}`).toBe(false);
    }
  });

  it('a principal added to an empty design brings an account along, in one command', () => {
    const empty = {
      ...sampleDesign(),
      accounts: [],
      users: [],
      groups: [],
      roles: [],
      identityProviders: [],
      resources: [],
      services: [],
      layout: {},
    };
    const addition = additionFor('role', empty, []);
    const next = addition.command(empty);
    expect(next.accounts).toHaveLength(1);
    expect((findEntity(next, addition.id) as Role).account).toBe(next.accounts[0]!.id);
  });

  it('two accounts added to an empty design, with a principal each, fit a 1280x720 canvas at the readable zoom', () => {
    // The canvas of a 1280x720 window with the inspector and the bottom panel at their
    // defaults (as the e2e measures it), less the fit padding, in design units at that zoom.
    const pane = { width: 920, height: 400 };
    const room = {
      width:
        (pane.width - parseInt(FIT_PADDING.left) - parseInt(FIT_PADDING.right)) / READABLE_ZOOM,
      height:
        (pane.height - parseInt(FIT_PADDING.top) - parseInt(FIT_PADDING.bottom)) / READABLE_ZOOM,
    };
    let design: Design = emptyDesign('two accounts');
    const add = (kind: AddableKind, selected: string[] = []) => {
      const addition = additionFor(kind, design, selected);
      design = addition.command(design);
      return addition.id;
    };
    add('role');
    const partner = add('account');
    add('user', [partner]);
    const frames = [...accountFrames(design).values()];
    expect(frames).toHaveLength(2);
    const [ours, theirs] = frames as [Frame, Frame];
    expect(theirs.x).toBeGreaterThanOrEqual(ours.x + ours.width);
    const width = theirs.x + theirs.width - ours.x;
    const height = Math.max(ours.height, theirs.height);
    expect(width).toBeLessThanOrEqual(room.width);
    expect(height).toBeLessThanOrEqual(room.height);
    // A second principal in the narrow account goes below the first, not into the other account.
    add('role', [partner]);
    const grown = accountFrames(design).get(partner)!;
    expect(grown.x + grown.width).toBe(theirs.x + theirs.width);
    expect(grown.height).toBeLessThanOrEqual(room.height);
  });

  it('new accounts get distinct 12-digit ids', () => {
    let design = sampleDesign();
    for (let i = 0; i < 3; i++) design = additionFor('account', design, []).command(design);
    const ids = design.accounts.map((a) => a.awsAccountId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^\d{12}$/.test(id))).toBe(true);
  });
});

describe('nodes', () => {
  it('keep their object when their entity and position did not change', () => {
    const cache = new Map();
    const design = sampleDesign();
    const first = buildNodes(design, cache);
    const moved = commitDrops(design, [{ id: 'user-alice', x: 60, y: 70 }]);
    const second = buildNodes(moved, cache);
    const byId = (nodes: typeof first) => new Map(nodes.map((n) => [n.id, n]));
    expect(byId(second).get('role-deploy')).toBe(byId(first).get('role-deploy'));
    expect(byId(second).get('user-alice')).not.toBe(byId(first).get('user-alice'));
  });

  it('are named first by the display name, then the kind and account', () => {
    const nodes = buildNodes(sampleDesign(), new Map());
    const labels = new Map(nodes.map((n) => [n.id, n.ariaLabel]));
    expect(labels.get('user-alice')).toBe('alice, IAM user in Development');
    expect(labels.get('acct-prod')).toBe('Production, AWS account 222222222222');
    expect(labels.get('service-lambda')).toBe('lambda.amazonaws.com, AWS service');
  });
});
