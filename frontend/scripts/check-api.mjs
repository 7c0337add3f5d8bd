#!/usr/bin/env node
// Fails when src/lib/api-schema.d.ts no longer matches ../openapi.json: regenerates the types
// into tmp/ and compares. Fix with `npm run generate:api` and commit the result.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const committed = join(root, 'src', 'lib', 'api-schema.d.ts');
const fresh = join(root, 'tmp', 'api-schema.d.ts');
mkdirSync(join(root, 'tmp'), { recursive: true });

execFileSync(
  process.execPath,
  [join(root, 'node_modules', 'openapi-typescript', 'bin', 'cli.js'), '../openapi.json', '-o', fresh],
  { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
);

if (readFileSync(committed, 'utf8') === readFileSync(fresh, 'utf8')) {
  console.log('src/lib/api-schema.d.ts matches openapi.json');
  process.exit(0);
}

const diff = spawnSync('diff', ['-u', committed, fresh], { encoding: 'utf8' });
if (diff.stdout) console.error(diff.stdout.split('\n').slice(0, 60).join('\n'));
console.error("src/lib/api-schema.d.ts is stale: run 'npm run generate:api' and commit it");
process.exit(1);
