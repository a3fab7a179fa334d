// @vitest-environment happy-dom
// The picker as a person and a screen reader use it: type to filter, arrows, Enter, Escape,
// and only a screenful of options in the DOM however many there are.
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { Combobox } from './Combobox';
import type { ComboboxOption } from './combobox-model';

afterEach(cleanup);

const many: ComboboxOption[] = Array.from({ length: 10_000 }, (_, i) => ({
  value: `role-${i}`,
  label: `Role${i} (account-${i % 100})`,
}));

function Picker({ options, freeText }: { options: ComboboxOption[]; freeText?: boolean }) {
  const [value, setValue] = useState(freeText ? '' : (options[0]?.value ?? ''));
  return (
    <>
      <Combobox
        label="Role"
        value={value}
        options={options}
        onChange={setValue}
        freeText={freeText}
      />
      <output aria-label="Picked">{value}</output>
    </>
  );
}

const setup = (options = many, freeText = false) => {
  render(<Picker options={options} freeText={freeText} />);
  const input = screen.getByRole('combobox', { name: 'Role' }) as HTMLInputElement;
  const picked = () => screen.getByRole('status', { name: 'Picked' }).textContent;
  return { user: userEvent.setup(), input, picked };
};

describe('Combobox', () => {
  it('shows the picked option, and opens a listbox it controls on click', async () => {
    const { user, input } = setup();
    expect(input.value).toBe('Role0 (account-0)');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('listbox')).toBeNull();
    await user.click(input);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    const listbox = screen.getByRole('listbox', { name: 'Role' });
    expect(input.getAttribute('aria-controls')).toBe(listbox.id);
    // The current pick is the active option.
    const active = document.getElementById(input.getAttribute('aria-activedescendant') ?? '');
    expect(active?.textContent).toBe('Role0 (account-0)');
  });

  it('mounts only the options in view, of 10,000', async () => {
    const { user, input } = setup();
    await user.click(input);
    const mounted = screen.getAllByRole('option');
    expect(mounted.length).toBeGreaterThan(5);
    expect(mounted.length).toBeLessThanOrEqual(20);
    expect(mounted[0]?.getAttribute('aria-setsize')).toBe('10000');
    // Scrolling mounts the options at the new position instead.
    const scroller = screen.getByRole('listbox').parentElement as HTMLElement;
    act(() => {
      scroller.scrollTop = 28 * 5_000;
      scroller.dispatchEvent(new Event('scroll'));
    });
    const names = screen.getAllByRole('option').map((o) => o.textContent);
    expect(names).toContain('Role5000 (account-0)');
    expect(names).not.toContain('Role0 (account-0)');
    expect(names.length).toBeLessThanOrEqual(20);
  });

  it('filters as one types, and Enter picks the first match', async () => {
    const { user, input, picked } = setup();
    await user.click(input);
    await user.keyboard('Role4242');
    const options = screen.getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['Role4242 (account-42)']);
    expect(input.getAttribute('aria-activedescendant')).toBe(options[0]?.id);
    await user.keyboard('{Enter}');
    expect(picked()).toBe('role-4242');
    expect(input.value).toBe('Role4242 (account-42)');
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });

  it('moves with the arrows, keeps the active option mounted, and picks it with Enter', async () => {
    const { user, input, picked } = setup();
    input.focus();
    await user.keyboard('{ArrowDown}');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    for (let i = 0; i < 30; i++) await user.keyboard('{ArrowDown}');
    const active = document.getElementById(input.getAttribute('aria-activedescendant') ?? '');
    expect(active?.textContent).toBe('Role30 (account-30)');
    expect(active?.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowUp}{Enter}');
    expect(picked()).toBe('role-29');
  });

  it('closes on Escape and keeps the pick it had', async () => {
    const { user, input, picked } = setup();
    await user.click(input);
    await user.keyboard('Role77');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.value).toBe('Role0 (account-0)');
    expect(picked()).toBe('role-0');
  });

  it('picks an option clicked with the mouse', async () => {
    const { user, input, picked } = setup();
    await user.click(input);
    await user.keyboard('account-7 Role10');
    await user.click(screen.getByRole('option', { name: 'Role107 (account-7)' }));
    expect(picked()).toBe('role-107');
  });

  it('says when nothing matches', async () => {
    const { user, input } = setup();
    await user.click(input);
    await user.keyboard('nobody');
    expect(screen.queryAllByRole('option')).toEqual([]);
    expect(screen.getByRole('listbox').textContent).toBe('No match');
  });

  it('with free text, keeps what is typed and suggests the options', async () => {
    const arns = [
      { value: 'arn:aws:s3:::orders', label: 'orders (S3 bucket)' },
      { value: 'arn:aws:s3:::logs', label: 'logs (S3 bucket)' },
    ];
    const { user, input, picked } = setup(arns, true);
    await user.click(input);
    await user.keyboard('arn:aws:s3:::other{Enter}');
    expect(picked()).toBe('arn:aws:s3:::other');
    await user.clear(input);
    await user.keyboard('logs');
    await user.click(screen.getByRole('option', { name: 'logs (S3 bucket)' }));
    expect(picked()).toBe('arn:aws:s3:::logs');
    expect(input.value).toBe('arn:aws:s3:::logs');
  });
});
