import { describe, expect, it } from 'vitest';
import { generateDesign, sampleDesign } from '../model';
import { SHARE_LINK_LIMIT, readShareFragment, shareLink } from './share-link';

const base = 'https://rolecraft.example/app/';
const fragment = (link: string) => link.slice(link.indexOf('#'));

describe('share links', () => {
  it('carry the whole design in the fragment and read back equal', () => {
    const link = shareLink(base, { design: sampleDesign() });
    expect(link.startsWith(`${base}#share=`)).toBe(true);
    expect(link).toMatch(/^[^?]*#share=[A-Za-z0-9_-]+$/);
    expect(readShareFragment(fragment(link))).toEqual({ ok: true, design: sampleDesign() });
  });

  it('carry the lesson and step', () => {
    const link = shareLink(base, {
      design: sampleDesign(),
      lesson: { id: 'cross-account', step: 3 },
    });
    expect(readShareFragment(fragment(link))).toEqual({
      ok: true,
      design: sampleDesign(),
      lesson: { id: 'cross-account', step: 3 },
    });
  });

  it('replace a fragment the base already has', () => {
    expect(shareLink(`${base}#share=old`, { design: sampleDesign() }).split('#')).toHaveLength(2);
  });

  it('keep the sample well under the chat limit; a large design is over it', () => {
    expect(shareLink(base, { design: sampleDesign() }).length).toBeLessThan(SHARE_LINK_LIMIT / 2);
    expect(
      shareLink(base, { design: generateDesign({ nodes: 300, seed: 1 }) }).length,
    ).toBeGreaterThan(SHARE_LINK_LIMIT);
  });

  it.each([
    ['#other', 'the link holds no shared design'],
    ['#share=', 'the link holds no data after `#share=`'],
    ['#share=!!!', 'the link is damaged or cut short (its data does not unpack)'],
  ])('refuses %j with the reason', (hash, reason) => {
    expect(readShareFragment(hash)).toEqual({ ok: false, reason });
  });

  it('refuses a link cut short, and one whose design is broken', () => {
    const link = fragment(shareLink(base, { design: sampleDesign() }));
    expect(readShareFragment(link.slice(0, link.length - 40)).ok).toBe(false);
    const broken = {
      ...sampleDesign(),
      accounts: [{ ...sampleDesign().accounts[0]!, awsAccountId: '12' }],
    };
    expect(readShareFragment(fragment(shareLink(base, { design: broken })))).toEqual({
      ok: false,
      reason: '`design.accounts[0].awsAccountId` must be 12 digits, got `"12"`',
    });
  });
});
