import { describe, expect, it } from 'vitest';
import { generateDesign, layoutEdited, renameEntity, setPositions, type Design } from '../model';
import { createRolecraftStore } from '../store';
import { SavedParts, SaveRequests, type SaveRequest } from './save-parts';

const asJson = (design: Design) => JSON.parse(JSON.stringify(design)) as unknown;
const pause = async () => undefined;

describe('a save through the worker, in parts', () => {
  const start = generateDesign({ nodes: 300, seed: 4 });
  const [a, b] = Object.keys(start.layout) as [string, string];
  const dropped = setPositions(start, { positions: { [a]: { x: 1, y: 2 } } });
  const again = setPositions(dropped, { positions: { [b]: { x: 3, y: 4 } } });
  // Undo as the store makes it: its patch applied to the layout.
  const store = createRolecraftStore(dropped);
  store.setState({ design: again });
  store.temporal.getState().undo();
  const undone = store.getState().design;
  const renamed = renameEntity(undone, { id: start.roles[0]!.id, name: 'Renamed' });
  const unrecorded = { ...renamed, layout: { ...renamed.layout, [a]: { x: 9, y: 9 } } };
  const removedLayout = { ...unrecorded.layout };
  delete removedLayout[b];
  const removed = { ...unrecorded, layout: layoutEdited(unrecorded.layout, removedLayout, [b]) };
  // What each save should send of the layout: whole, or only the entries set.
  const steps: [string, Design, 'whole' | 'patch' | 'unchanged'][] = [
    ['the first save', start, 'whole'],
    ['a drop', dropped, 'patch'],
    ['another drop', again, 'patch'],
    ['its undo', undone, 'patch'],
    ['a rename (the layout as it was)', renamed, 'unchanged'],
    ['a layout copied without a record', unrecorded, 'whole'],
    ['an entry removed', removed, 'patch'],
  ];

  it('puts together each design as its JSON, sending a drop as the entries it set', async () => {
    const requests = new SaveRequests();
    const parts = new SavedParts();
    const sent: [string, SaveRequest][] = [];
    for (const [name, design] of steps) {
      const request = await requests.next(design, 0, pause);
      sent.push([name, request]);
      expect(JSON.parse(parts.take(request)), name).toEqual(asJson(design));
    }
    const layoutSent = sent.map(([, r]) =>
      r.layoutPatch ? 'patch' : 'layout' in r.changed ? 'whole' : 'unchanged',
    );
    expect(layoutSent).toEqual(steps.map(([, , expected]) => expected));
    expect(Object.keys(sent[1]![1].layoutPatch!)).toEqual([a]);
    expect(sent[6]![1].layoutPatch).toEqual({ [b]: null });
  });
});
