/**
 * The layout's rules, checked: features never import one another (app/ composes them), and
 * the shared layers (components, hooks, lib, testing aside) never import features or app.
 * Also: no barrel files, and nothing in web storage.
 */
import { describe, expect, it } from 'vitest';

const sources = import.meta.glob<string>(['./**/*.{ts,tsx}', '!./**/*.d.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

function importsOf(source: string): string[] {
  return [...source.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((match) => match[1] ?? '');
}

const files = Object.entries(sources).map(([path, source]) => ({ path: path.replace(/^\.\//, ''), source }));
const production = files.filter(({ path }) => !/\.test\.tsx?$/.test(path) && !path.startsWith('testing/'));

describe('architecture', () => {
  it('features do not import other features', () => {
    const offences = production.flatMap(({ path, source }) => {
      const own = /^features\/([^/]+)\//.exec(path)?.[1];
      if (!own) return [];
      return importsOf(source)
        .filter((target) => /^@\/features\//.test(target) && !target.startsWith(`@/features/${own}/`))
        .map((target) => `${path} imports ${target}`);
    });
    expect(offences).toEqual([]);
  });

  it('components, hooks and lib do not import features or app', () => {
    const offences = production.flatMap(({ path, source }) => {
      if (!/^(components|hooks|lib)\//.test(path)) return [];
      return importsOf(source)
        .filter((target) => /^@\/(features|app)\//.test(target))
        .map((target) => `${path} imports ${target}`);
    });
    expect(offences).toEqual([]);
  });

  it('has no barrel files', () => {
    expect(files.filter(({ path }) => /(^|\/)index\.tsx?$/.test(path)).map(({ path }) => path)).toEqual([]);
  });

  // Web storage outlives the session and is readable by any script on the origin: tokens and
  // personal data never go there. A file with a non-personal need (a UI preference) may be
  // listed here, with its reason.
  const WEB_STORAGE_ALLOWED: string[] = [
    // The one exception, on purpose: the participant's own crisis plan (who to call, the safety
    // plan) must open when the connection fails. Keyed by participant, removed on sign-out.
    'features/crisis/crisis-plan-cache.ts',
  ];

  it('keeps tokens and records out of web storage', () => {
    const offences = production
      .filter(({ source }) => /\b(localStorage|sessionStorage|indexedDB)\s*[.[]/.test(source))
      .map(({ path }) => path)
      .filter((path) => !WEB_STORAGE_ALLOWED.includes(path));
    expect(offences).toEqual([]);
  });

  it('sees the sources it checks', () => {
    expect(production.length).toBeGreaterThan(30);
    expect(production.some(({ path }) => path === 'lib/api-client.ts')).toBe(true);
  });
});
