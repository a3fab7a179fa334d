/** Whether two wildcard patterns can match a common string (used by the validator). */
import { ANY_ONE, globCodes, STAR } from './glob.ts';

export function globsIntersect(a: string, b: string): boolean {
  const x = globCodes(a);
  const y = globCodes(b);
  const memo = new Map<number, boolean>();
  const width = y.length + 1;
  const go = (i: number, j: number): boolean => {
    const id = i * width + j;
    const known = memo.get(id);
    if (known !== undefined) return known;
    memo.set(id, false);
    let r = false;
    if (i === x.length && j === y.length) r = true;
    else if (i < x.length && x[i] === STAR && (go(i + 1, j) || (j < y.length && go(i, j + 1))))
      r = true;
    else if (j < y.length && y[j] === STAR && (go(i, j + 1) || (i < x.length && go(i + 1, j))))
      r = true;
    else if (
      i < x.length &&
      j < y.length &&
      x[i] !== STAR &&
      y[j] !== STAR &&
      (x[i] === y[j] || x[i] === ANY_ONE || y[j] === ANY_ONE)
    )
      r = go(i + 1, j + 1);
    memo.set(id, r);
    return r;
  };
  return go(0, 0);
}
