// The app's Content-Security-Policy: a meta tag in the built index.html and the same policy as
// a header on `vite preview`. Everything the app loads comes from its own origin; nothing is
// evaluated from strings. Each source beyond 'self' is here for one measured need.
import type { Plugin } from 'vite';

const directives: Record<string, string[]> = {
  'default-src': ["'self'"],
  // Module scripts and workers from the bundle only: no inline script, no 'unsafe-eval'.
  'script-src': ["'self'"],
  // Monaco's editor and JSON workers, the analysis and import workers, the service worker.
  'worker-src': ["'self'"],
  // Monaco writes its theme, decorations and sizes into <style> elements it creates at run
  // time (and React Flow sets style attributes): styles only, never scripts.
  'style-src': ["'self'", "'unsafe-inline'"],
  // html-to-image draws the canvas as an SVG `data:` image for PNG export; exports and
  // downloads are `blob:` URLs; small icons are inlined as `data:` by the build.
  'img-src': ["'self'", 'data:', 'blob:'],
  // Monaco's codicon font is a bundled file; html-to-image embeds fonts as `data:` URLs.
  'font-src': ["'self'", 'data:'],
  // html-to-image reads the page's own styles, fonts and `data:`/`blob:` images to inline them.
  'connect-src': ["'self'", 'data:', 'blob:'],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

/** The policy as one header or meta value. */
export const CONTENT_SECURITY_POLICY = Object.entries(directives)
  .map(([name, sources]) => `${name} ${sources.join(' ')}`)
  .join('; ');

/**
 * Puts the policy into the built index.html as a meta tag. Build only: the dev server injects
 * inline scripts (React refresh) that the policy would refuse.
 */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'rolecraft-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}
