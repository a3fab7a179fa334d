// The generated service worker: its manifest lists every built file with its hash, its version
// follows the contents, and the worker precaches those files and answers from them.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { precacheManifest, serviceWorkerSource } from './service-worker.ts';

function build(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rolecraft-sw-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const built = {
  'index.html': '<!doctype html>',
  'favicon.svg': '<svg/>',
  'assets/index-abc.js': 'console.log(1)',
  'assets/editor.worker-def.js': 'self.onmessage = () => {}',
  'sw.js': 'an older worker',
};

describe('the precache manifest', () => {
  it('lists every built file but the worker, each with its hash', () => {
    const manifest = precacheManifest(build(built));
    expect(manifest.files).toEqual([
      '/assets/editor.worker-def.js',
      '/assets/index-abc.js',
      '/favicon.svg',
      '/index.html',
    ]);
    expect(Object.keys(manifest.hashes).sort()).toEqual(manifest.files);
    expect(Object.values(manifest.hashes).every((h) => /^[0-9a-f]{16}$/.test(h))).toBe(true);
  });

  it('has a new version when any file changes, and the same one when none does', () => {
    const a = precacheManifest(build(built)).version;
    expect(precacheManifest(build(built)).version).toBe(a);
    expect(
      precacheManifest(build({ ...built, 'index.html': '<!doctype html> ' })).version,
    ).not.toBe(a);
  });
});

/** Runs the worker's source with a `self`, `caches` and `fetch` that record what it does. */
function runWorker(files: string[]) {
  const listeners = new Map<string, (event: unknown) => void>();
  const stored = new Map<string, string>();
  const caches = {
    open: async () => ({
      addAll: async (urls: string[]) => urls.forEach((u) => stored.set(u, `cached ${u}`)),
      match: async (key: string) => stored.get(key),
    }),
    keys: async () => ['rolecraft-old', 'other-app'],
    deleted: [] as string[],
    delete: async (key: string) => caches.deleted.push(key),
  };
  const self = {
    location: { origin: 'https://app.example' },
    addEventListener: (type: string, fn: (event: unknown) => void) => listeners.set(type, fn),
  };
  const source = serviceWorkerSource({ version: 'v1', files, hashes: {} });
  runInNewContext(source, { self, caches, fetch: async () => 'from the network', URL });
  const waitFor = async (type: string, event: object) => {
    let done: Promise<unknown> = Promise.resolve();
    listeners.get(type)!({
      ...event,
      waitUntil: (p: Promise<unknown>) => (done = p),
      respondWith: (p: Promise<unknown>) => (done = p),
    });
    return done;
  };
  return { waitFor, stored, caches };
}

describe('the service worker', () => {
  it('precaches the manifest, drops older caches of its own, and answers from the cache', async () => {
    const worker = runWorker(['/index.html', '/assets/index-abc.js']);
    await worker.waitFor('install', {});
    expect([...worker.stored.keys()]).toEqual(['/index.html', '/assets/index-abc.js']);
    await worker.waitFor('activate', {});
    expect(worker.caches.deleted).toEqual(['rolecraft-old']);

    const get = (url: string, mode = 'cors', method = 'GET') =>
      worker.waitFor('fetch', { request: { url, mode, method } });
    expect(await get('https://app.example/?generate=300', 'navigate')).toBe('cached /index.html');
    expect(await get('https://app.example/assets/index-abc.js')).toBe(
      'cached /assets/index-abc.js',
    );
    expect(await get('https://app.example/not-built.js')).toBe('from the network');
    // Another origin or a POST: not answered at all (the browser goes to the network itself).
    expect(await get('https://other.example/x.js')).toBeUndefined();
    expect(await get('https://app.example/x', 'cors', 'POST')).toBeUndefined();
  });
});
