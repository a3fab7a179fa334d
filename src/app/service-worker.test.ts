// @vitest-environment happy-dom
// The service worker is registered by a production build only, never by the dev server.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerServiceWorker } from './service-worker';

function fakeServiceWorker() {
  const register = vi.fn(() => Promise.resolve({}));
  Object.defineProperty(navigator, 'serviceWorker', { value: { register }, configurable: true });
  return register;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('registerServiceWorker', () => {
  it('registers nothing outside a production build (the dev server, tests)', () => {
    const register = fakeServiceWorker();
    vi.stubEnv('PROD', false);
    registerServiceWorker();
    window.dispatchEvent(new Event('load'));
    expect(register).not.toHaveBeenCalled();
  });

  it('registers /sw.js in a production build once the page has loaded', () => {
    const register = fakeServiceWorker();
    vi.stubEnv('PROD', true);
    registerServiceWorker();
    if (document.readyState !== 'complete') {
      expect(register).not.toHaveBeenCalled();
      window.dispatchEvent(new Event('load'));
    }
    expect(register).toHaveBeenCalledWith('/sw.js');
  });
});
