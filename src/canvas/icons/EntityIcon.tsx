import { memo } from 'react';
import { glyphs, type GlyphName } from './glyphs';

interface EntityIconProps {
  glyph: GlyphName;
  size?: number;
}

/** An AWS-style tile icon; decorative, so hidden from assistive technology. */
export const EntityIcon = memo(function EntityIcon({ glyph, size = 32 }: EntityIconProps) {
  const { tile, draw } = glyphs[glyph];
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      className="shrink-0"
    >
      <rect width="24" height="24" rx="3" fill={tile} />
      <g fill="none" stroke="#fff" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round">
        {draw}
      </g>
    </svg>
  );
});
