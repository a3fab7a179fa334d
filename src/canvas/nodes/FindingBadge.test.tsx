// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createRolecraftStore, RolecraftProvider } from '../../store';
import { FindingBadge } from './FindingBadge';

afterEach(cleanup);

function renderBadge() {
  const store = createRolecraftStore();
  render(
    <RolecraftProvider store={store}>
      <FindingBadge id="role-1" name="prod-admin" />
    </RolecraftProvider>,
  );
  return { store, user: userEvent.setup() };
}

describe('finding badge on a node', () => {
  it('is not there for a node without findings', () => {
    renderBadge();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it.each([
    { count: 1, worst: 'medium', name: '1 finding on prod-admin, worst medium', text: '⚠1medium' },
    {
      count: 3,
      worst: 'critical',
      name: '3 findings on prod-admin, worst critical',
      text: '⚠3critical',
    },
  ] as const)(
    'shows $count and $worst, named for screen readers',
    ({ count, worst, name, text }) => {
      const { store } = renderBadge();
      act(() => store.getState().setFindingBadges(new Map([['role-1', { count, worst }]])));
      const badge = screen.getByRole('button', { name });
      expect(badge.textContent).toBe(text);
      expect(badge.getAttribute('data-finding-badge')).toBe(worst);
    },
  );

  it('opens the Findings tab on that node when clicked (by keyboard too)', async () => {
    const { store, user } = renderBadge();
    act(() =>
      store.getState().setFindingBadges(new Map([['role-1', { count: 2, worst: 'high' }]])),
    );
    await user.tab();
    await user.keyboard('{Enter}');
    expect(store.getState().bottomTab).toBe('Findings');
    expect(store.getState().findingsSubject).toBe('role-1');
  });
});
