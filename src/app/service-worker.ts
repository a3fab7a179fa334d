/**
 * Registers the build's service worker (`/sw.js`, written by scripts/service-worker.ts), which
 * precaches every file of the build so that a reload offline opens the app. Production builds
 * only: the dev server serves no `sw.js` and must never be cached. Registered after the page
 * has loaded, so precaching does not compete with the first paint.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker
      .register('/sw.js')
      .catch((error: unknown) => console.warn('rolecraft: offline use is unavailable', error));
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
