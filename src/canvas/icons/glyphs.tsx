import type { ReactElement } from 'react';
import type { ResourceIcon } from '../../model';

/**
 * Simplified glyphs in the manner of the AWS architecture icons: a white line drawing on
 * a tile in the service category's colour. Drawn here (no icon font, no network).
 */
export type GlyphName =
  | 'account'
  | 'user'
  | 'group'
  | 'role'
  | 'service'
  | 'identity-provider'
  | 'external-account'
  | 'anyone'
  | ResourceIcon;

interface Glyph {
  /** AWS category colour of the tile. */
  tile: string;
  draw: ReactElement;
}

const securityRed = '#DD344C';
const managementPink = '#E7157B';
const storageGreen = '#7AA116';
const computeOrange = '#ED7100';
const integrationPink = '#E7157B';
const generalInk = '#232F3E';

export const glyphs: Record<GlyphName, Glyph> = {
  account: {
    tile: managementPink,
    draw: (
      <>
        <rect x="4" y="6" width="16" height="12" rx="1.5" />
        <path d="M4 9.5h16" />
        <circle cx="8.5" cy="13.5" r="1.6" />
        <path d="M12 13h5M12 15.5h3.5" />
      </>
    ),
  },
  user: {
    tile: securityRed,
    draw: (
      <>
        <circle cx="12" cy="8.5" r="3.2" />
        <path d="M5.5 19c.6-3.6 3.2-5.6 6.5-5.6s5.9 2 6.5 5.6" />
      </>
    ),
  },
  group: {
    tile: securityRed,
    draw: (
      <>
        <circle cx="9" cy="9" r="2.6" />
        <circle cx="15.5" cy="8.5" r="2.2" />
        <path d="M3.8 18.5c.5-3 2.6-4.7 5.2-4.7s4.7 1.7 5.2 4.7" />
        <path d="M14.2 13.4c.4-.1.9-.2 1.3-.2 2.2 0 4 1.5 4.5 4.3" />
      </>
    ),
  },
  role: {
    tile: securityRed,
    draw: (
      <>
        <path d="M12 3.8l6.5 2.6v4.8c0 4.3-2.7 7.4-6.5 9-3.8-1.6-6.5-4.7-6.5-9V6.4z" />
        <circle cx="12" cy="10.4" r="1.9" />
        <path d="M8.9 16c.5-1.8 1.6-2.8 3.1-2.8s2.6 1 3.1 2.8" />
      </>
    ),
  },
  service: {
    tile: generalInk,
    draw: (
      <>
        <path d="M7.2 16.8a4 4 0 0 1 .3-8 5 5 0 0 1 9.4 1.3 3.4 3.4 0 0 1-.4 6.7z" />
        <path d="M10 13.2l1.5 1.5 2.8-3" />
      </>
    ),
  },
  'identity-provider': {
    tile: securityRed,
    draw: (
      <>
        <rect x="4" y="6" width="16" height="12" rx="1.5" />
        <circle cx="9" cy="11" r="1.9" />
        <path d="M6.5 15.6c.4-1.3 1.3-2 2.5-2s2.1.7 2.5 2" />
        <path d="M13.5 10h4M13.5 12.5h4M13.5 15h2.5" />
      </>
    ),
  },
  'external-account': {
    tile: generalInk,
    draw: (
      <>
        <rect x="4" y="7" width="11" height="10" rx="1.2" strokeDasharray="2 1.6" />
        <path d="M13 12h7M17.5 9.5L20 12l-2.5 2.5" />
      </>
    ),
  },
  anyone: {
    tile: '#BF0816',
    draw: (
      <>
        <circle cx="12" cy="12" r="7.5" />
        <path d="M4.5 12h15M12 4.5c2.2 2.1 3.2 4.6 3.2 7.5s-1 5.4-3.2 7.5c-2.2-2.1-3.2-4.6-3.2-7.5s1-5.4 3.2-7.5z" />
      </>
    ),
  },
  's3-bucket': {
    tile: storageGreen,
    draw: (
      <>
        <ellipse cx="12" cy="7" rx="6.5" ry="2.3" />
        <path d="M5.5 7l1.6 10.3c.3 1.3 2.4 2.2 4.9 2.2s4.6-.9 4.9-2.2L18.5 7" />
      </>
    ),
  },
  'kms-key': {
    tile: securityRed,
    draw: (
      <>
        <circle cx="8.5" cy="12" r="3.5" />
        <path d="M12 12h8M17 12v3M19.5 12v2" />
      </>
    ),
  },
  'sqs-queue': {
    tile: integrationPink,
    draw: (
      <>
        <rect x="3.8" y="8" width="16.4" height="8" rx="1.2" />
        <path d="M8 8v8M12 8v8M16 8v8" />
      </>
    ),
  },
  'sns-topic': {
    tile: integrationPink,
    draw: (
      <>
        <circle cx="7" cy="12" r="2.2" />
        <path d="M9.2 12H13M13 12l4-4.5M13 12h5M13 12l4 4.5" />
        <circle cx="18" cy="7" r="1.2" />
        <circle cx="19" cy="12" r="1.2" />
        <circle cx="18" cy="17" r="1.2" />
      </>
    ),
  },
  secret: {
    tile: securityRed,
    draw: (
      <>
        <rect x="6" y="11" width="12" height="8.5" rx="1.3" />
        <path d="M8.8 11V8.3a3.2 3.2 0 0 1 6.4 0V11" />
        <path d="M12 14.2v2.2" />
      </>
    ),
  },
  'lambda-function': {
    tile: computeOrange,
    draw: <path d="M6.5 19.5l4.8-9.2L9 5H6.8M11.3 10.3L15.2 19.5H18" />,
  },
  resource: {
    tile: generalInk,
    draw: (
      <>
        <path d="M12 4.5l6.5 3.7v7.6L12 19.5l-6.5-3.7V8.2z" />
        <path d="M5.5 8.2L12 12l6.5-3.8M12 12v7.5" />
      </>
    ),
  },
};
