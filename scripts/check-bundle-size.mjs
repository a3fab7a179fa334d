#!/usr/bin/env node
// The JavaScript a first visit loads (the entry script and what index.html preloads),
// gzipped, must stay within budget. Lazily loaded chunks (Monaco) do not count.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const budgetKb = 350;
const html = readFileSync('dist/index.html', 'utf8');
const urls = [
  ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g),
].map((m) => m[1]);
if (urls.length === 0) {
  console.error('no entry script found in dist/index.html');
  process.exit(1);
}
let total = 0;
for (const url of new Set(urls)) {
  const size = gzipSync(readFileSync(`dist${url}`)).length;
  total += size;
  console.log(`${url}: ${(size / 1024).toFixed(1)} KB gzipped`);
}
const totalKb = total / 1024;
console.log(`initial JavaScript: ${totalKb.toFixed(1)} KB gzipped (budget ${budgetKb} KB)`);
if (totalKb > budgetKb) process.exit(1);

// The build stays a right-sized set of files (the iam-data catalogue is grouped per service
// by scripts/iam-data-chunks.ts): at most 500 files, and no empty JavaScript chunk.
const maxFiles = 500;
const files = readdirSync('dist', { recursive: true, withFileTypes: true }).filter((f) =>
  f.isFile(),
);
const tiny = files.filter(
  (f) => f.name.endsWith('.js') && statSync(join(f.parentPath, f.name)).size < 64,
);
console.log(`dist: ${files.length} files (at most ${maxFiles}), ${tiny.length} empty chunks`);
if (files.length > maxFiles || tiny.length > 0) {
  for (const f of tiny) console.error(`empty chunk: ${join(f.parentPath, f.name)}`);
  process.exit(1);
}
