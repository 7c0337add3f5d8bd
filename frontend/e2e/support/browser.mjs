/**
 * What every browser flow shares: Debian's Chromium driven by playwright-core (never a
 * downloaded browser), a fresh profile per flow under frontend/tmp/, signing in, axe-core
 * accessibility checks, screenshots of the main screens, and steps that say which one failed.
 *
 * The flows run against E2E_BASE_URL: the real server with fresh demo data serving the built
 * SPA (scripts/e2e.sh starts it).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium, request as apiRequest } from 'playwright-core';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const frontendDir = join(here, '..', '..');

export const AXE_PATH = require.resolve('axe-core/axe.min.js');
const AXE_URL = '/__e2e__/axe.min.js';
export const SCREENSHOT_DIR = join(frontendDir, '..', 'docs', 'screenshots');
const FAILURE_DIR = join(frontendDir, 'tmp', 'e2e-failures');

export const DEMO_PASSWORD = 'recovery-demo-2026';
export const LOGINS = {
  admin: 'priya.shah@example.org',
  supervisor: 'renee.tremblay@example.org',
  specialist: 'marcus.bell@example.org',
  participant: 'jose.ramirez@example.org',
  // Rowan waits for a peer match in the demo data: the matching flow proposes one and Rowan accepts.
  waitingParticipant: 'rowan.adeyemi@example.org',
};

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
// From shared/STACK.md: what Debian's Chromium needs here, headless and offline.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function baseUrl() {
  const url = process.env.E2E_BASE_URL;
  if (!url) {
    throw new Error('E2E_BASE_URL is not set: run the browser tests with scripts/e2e.sh');
  }
  return url.replace(/\/$/, '');
}

/** A short unique suffix, so a flow's records never collide with an earlier run's. */
export function uniqueStamp() {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

/**
 * Opens Chromium with a fresh profile for one flow. Returns the page and a `close()` that
 * also removes the profile. Uncaught page errors and Content-Security-Policy refusals are
 * collected in `problems` (a flow fails on them at the end).
 */
export async function openBrowser(flowName) {
  const origin = baseUrl(); // fails before a browser is started when it is not set
  const tmp = join(frontendDir, 'tmp');
  mkdirSync(tmp, { recursive: true });
  const userDataDir = mkdtempSync(join(tmp, `chromium-${flowName}-`));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: DESKTOP,
    deviceScaleFactor: 1,
    locale: 'en-US',
    timezoneId: process.env.E2E_TIMEZONE ?? 'America/Chicago',
    acceptDownloads: false,
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(20_000);
  const page = context.pages()[0] ?? (await context.newPage());

  const problems = [];
  page.on('pageerror', (error) => problems.push(`uncaught error in the page: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(text)) {
      problems.push(`CSP: ${text}`);
    }
  });

  // axe-core goes in as a same-origin script file (served from node_modules by this route),
  // because the app's Content-Security-Policy (script-src 'self') refuses an inline script
  // and the flows keep that policy switched on, so they would catch a violation by the app.
  try {
    await context.route(`${origin}${AXE_URL}`, (route) =>
      route.fulfill({ path: AXE_PATH, contentType: 'text/javascript' }),
    );
  } catch (error) {
    await context.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }

  return {
    context,
    page,
    problems,
    async close() {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs one step of a flow; on failure saves a screenshot to frontend/tmp/e2e-failures/ and
 * names the step in the error.
 */
export async function step(page, name, action) {
  const started = Date.now();
  try {
    const result = await action();
    console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
    return result;
  } catch (error) {
    mkdirSync(FAILURE_DIR, { recursive: true });
    const file = join(FAILURE_DIR, `${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
    const wrapped = new Error(`step "${name}" failed at ${page.url()}: ${error.message}\n  (screenshot: ${file})`);
    wrapped.cause = error;
    throw wrapped;
  }
}

export async function signIn(page, email, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl()}/sign-in`);
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

export async function signOut(page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
}

/** Waits for the page's h1 (the app's one heading per page) to read `name`. */
export async function expectHeading(page, name) {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

/** Follows a link of the header's main navigation. */
export async function navigate(page, label) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true }).click();
}

/**
 * Chooses `label` in a field named `fieldName`, whether the field is a <select> or a group of
 * radio buttons.
 */
export async function choose(page, fieldName, label) {
  const select = page.getByRole('combobox', { name: fieldName });
  if ((await select.count()) > 0) {
    await select.first().selectOption({ label });
    return;
  }
  await page.getByRole('radiogroup', { name: fieldName }).or(page.getByRole('group', { name: fieldName }))
    .first()
    .getByRole('radio', { name: label })
    .check();
}

/** Waits until nothing on the page says it is loading (the app's Loading states, busy regions). */
export async function settle(page) {
  await page
    .waitForFunction(() => !document.querySelector('.loading, [aria-busy="true"]'), null, { timeout: 10_000 })
    .catch(() => {});
}

/** A viewport screenshot at 1280x800 (or the size given) into docs/screenshots/. */
export async function screenshot(page, fileName, viewport = DESKTOP) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const previous = page.viewportSize();
  if (previous?.width !== viewport.width || previous?.height !== viewport.height) {
    await page.setViewportSize(viewport);
  }
  await settle(page);
  // No hover effects or chart tooltips from where the last click happened.
  await page.mouse.move(0, 0);
  // Let the layout (and charts measuring their box) catch up with a resize.
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SCREENSHOT_DIR, fileName), fullPage: false, animations: 'disabled' });
  if (previous && (previous.width !== viewport.width || previous.height !== viewport.height)) {
    await page.setViewportSize(previous);
  }
  console.log(`    screenshot docs/screenshots/${fileName}`);
}

const FAILING_IMPACTS = new Set(['serious', 'critical']);

/**
 * Runs axe-core on the page as it is now. Serious and critical violations are returned
 * (and printed readably); lesser ones are printed as notes only.
 */
export async function checkA11y(page, screenName) {
  await settle(page);
  const loaded = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ url: AXE_URL });
  const results = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    }),
  );
  const failing = results.violations.filter((violation) => FAILING_IMPACTS.has(violation.impact));
  const notes = results.violations.filter((violation) => !FAILING_IMPACTS.has(violation.impact));
  for (const violation of notes) {
    console.log(`    axe note on ${screenName}: [${violation.impact}] ${violation.id}: ${violation.help} (${violation.nodes.length}×)`);
  }
  if (failing.length === 0) {
    console.log(`    axe: no serious or critical issues on ${screenName}`);
    return [];
  }
  const report = failing.map((violation) => formatViolation(screenName, violation));
  for (const text of report) console.log(text);
  return report;
}

function formatViolation(screenName, violation) {
  const nodes = violation.nodes
    .slice(0, 5)
    .map((node) => `      - ${node.target.join(' ')}\n        ${node.failureSummary?.replace(/\n/g, '\n        ') ?? ''}`)
    .join('\n');
  const more = violation.nodes.length > 5 ? `\n      … and ${violation.nodes.length - 5} more` : '';
  return `  ✗ axe [${violation.impact}] on ${screenName}: ${violation.id}: ${violation.help}\n    ${violation.helpUrl}\n${nodes}${more}`;
}

/** Collects a flow's axe findings and page problems, and fails once at the end with all of them. */
export function createFindings() {
  const found = [];
  return {
    async a11y(page, screenName) {
      found.push(...(await checkA11y(page, screenName)));
    },
    add(...items) {
      found.push(...items);
    },
    assertNone(problems = []) {
      const all = [...found, ...problems];
      assert.equal(all.length, 0, `\n${all.join('\n')}`);
    },
  };
}

/** An API client signed in as `email` (for setting the scene without going through screens). */
export async function apiAs(email, password = DEMO_PASSWORD) {
  const context = await apiRequest.newContext({ baseURL: `${baseUrl()}/api/v1/` });
  const response = await context.post('auth/token', {
    form: { grant_type: 'password', username: email, password },
  });
  assert.equal(response.status(), 200, `sign-in of ${email} through the API: ${response.status()}`);
  const { access_token: token } = await response.json();
  return {
    async get(path) {
      const answer = await context.get(path.replace(/^\//, ''), { headers: { Authorization: `Bearer ${token}` } });
      assert.ok(answer.ok(), `GET ${path}: ${answer.status()}`);
      return answer.json();
    },
    async post(path, body) {
      const answer = await context.post(path.replace(/^\//, ''), { headers: { Authorization: `Bearer ${token}` }, data: body });
      assert.ok(answer.ok(), `POST ${path}: ${answer.status()} ${await answer.text()}`);
      return answer.json();
    },
    dispose: () => context.dispose(),
  };
}

/** The nearest list item or table row around an element (e.g. a caseload entry around its link). */
export function entryAround(locator) {
  return locator.locator('xpath=ancestor::*[self::li or self::tr][1]');
}
