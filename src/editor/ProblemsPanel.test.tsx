// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Problem } from './monaco/editor-session';
import { ProblemsPanel } from './ProblemsPanel';

const problems = (n: number): Problem[] =>
  Array.from({ length: n }, (_, i) => ({
    line: i + 1,
    column: 3,
    diagnostic: {
      severity: 'warning',
      code: 'unknown-action',
      message: `unknown action \`s3:Get${i}\``,
      range: {
        start: i,
        end: i + 1,
        startLine: i + 1,
        startColumn: 3,
        endLine: i + 1,
        endColumn: 4,
      },
    },
  }));

afterEach(cleanup);

describe('the problems list', () => {
  it('lists a hundred problems at a time, and the count of all', () => {
    const chosen: number[] = [];
    render(<ProblemsPanel problems={problems(250)} onSelect={(p) => chosen.push(p.line)} />);
    expect(screen.getByRole('heading').textContent).toBe('Problems (250 warnings)');
    const rows = () => screen.getAllByRole('button', { name: /^Warning: / });
    expect(rows()).toHaveLength(100);
    fireEvent.click(screen.getByRole('button', { name: 'Show 100 more (150 not shown)' }));
    expect(rows()).toHaveLength(200);
    fireEvent.click(screen.getByRole('button', { name: 'Show 50 more (50 not shown)' }));
    expect(rows()).toHaveLength(250);
    expect(screen.queryByRole('button', { name: /^Show / })).toBeNull();
    fireEvent.click(
      screen.getByRole('button', {
        name: 'Warning: unknown action `s3:Get249` (line 250, column 3)',
      }),
    );
    expect(chosen).toEqual([250]);
  });

  it('shows every problem of a short list, with no button for more', () => {
    render(<ProblemsPanel problems={problems(3)} onSelect={() => {}} />);
    expect(screen.getAllByRole('button')).toHaveLength(3);
  });
});
