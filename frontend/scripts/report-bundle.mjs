#!/usr/bin/env node
// Prints the gzipped size of the JavaScript a first visit downloads before anything renders:
// the entry chunk and everything it imports statically (lazy route chunks are not counted).
// Exits non-zero above the budget, so `npm run build` fails when the first load grows too big.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const LIMIT_KB = 250;
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

let manifest;
try {
  manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
} catch (error) {
  console.error(`report-bundle: cannot read dist/.vite/manifest.json (${error.message}); run vite build first`);
  process.exit(2);
}

const entries = Object.keys(manifest).filter((key) => manifest[key].isEntry);
if (entries.length === 0) {
  console.error('report-bundle: the manifest has no entry chunk');
  process.exit(2);
}

const seen = new Set();
const files = [];
function visit(key) {
  if (seen.has(key)) return;
  seen.add(key);
  const chunk = manifest[key];
  if (!chunk) return;
  if (chunk.file.endsWith('.js')) files.push(chunk.file);
  for (const imported of chunk.imports ?? []) visit(imported);
}
entries.forEach(visit);

let totalBytes = 0;
for (const file of files) {
  totalBytes += gzipSync(readFileSync(join(dist, file))).length;
}
const totalKb = totalBytes / 1000;
const line = `initial JS: ${totalKb.toFixed(1)} kB gzipped (limit ${LIMIT_KB} kB) in ${files.length} file${files.length === 1 ? '' : 's'}`;
if (totalKb > LIMIT_KB) {
  console.error(`${line}: over the limit`);
  process.exit(1);
}
console.log(line);
