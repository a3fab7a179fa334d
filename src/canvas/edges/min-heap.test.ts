import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MinHeap } from './min-heap';

describe('MinHeap', () => {
  it('pops values in order of their keys, whatever order they were pushed in', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 })), (keys) => {
        const heap = new MinHeap();
        keys.forEach((key, i) => heap.push(key, i));
        const popped: number[] = [];
        while (heap.size > 0) {
          expect(heap.peek()).toBe(Math.min(...keys.filter((_, i) => !popped.includes(i))));
          popped.push(heap.pop());
        }
        expect(popped.map((i) => keys[i])).toEqual([...keys].sort((a, b) => a - b));
      }),
    );
  });
});
