// Vite plugin: writes dist/sw.js, the service worker that precaches the whole build, with a
// manifest of every file the build wrote (paths, each file's hash, and a version hashed from
// them all). Build only; the app registers the worker only in a production build.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

const SERVICE_WORKER_FILE = 'sw.js';

export interface PrecacheManifest {
  version: string;
  /** Absolute paths (`/index.html`, `/assets/index-Nv6vV8VE.js`), sorted. */
  files: string[];
  /** Each file's SHA-256 (hex, 16 characters), by path. */
  hashes: Record<string, string>;
}

function filesBelow(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesBelow(path) : [path];
  });
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** The manifest of a built folder (the worker itself left out). */
export function precacheManifest(outDir: string): PrecacheManifest {
  const hashes: Record<string, string> = {};
  for (const file of filesBelow(outDir)) {
    const path = `/${relative(outDir, file).split(sep).join('/')}`;
    if (path === `/${SERVICE_WORKER_FILE}`) continue;
    hashes[path] = sha256(readFileSync(file)).slice(0, 16);
  }
  const files = Object.keys(hashes).sort();
  const version = sha256(files.map((f) => `${f} ${hashes[f]}`).join('\n')).slice(0, 16);
  return { version, files, hashes };
}

/** The worker's source with its manifest. */
export function serviceWorkerSource(manifest: PrecacheManifest): string {
  const template = readFileSync(new URL('./service-worker.js', import.meta.url), 'utf8');
  return `self.__ROLECRAFT_PRECACHE__ = ${JSON.stringify(manifest)};\n${template}`;
}

export function serviceWorker(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'rolecraft-service-worker',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    closeBundle() {
      const outDir = resolve(config.root, config.build.outDir);
      const manifest = precacheManifest(outDir);
      writeFileSync(join(outDir, SERVICE_WORKER_FILE), serviceWorkerSource(manifest));
      config.logger.info(
        `service worker: ${SERVICE_WORKER_FILE} precaches ${manifest.files.length} files (version ${manifest.version})`,
      );
    },
  };
}
