/**
 * Outcomes, integrators and the accounting of disclosures:
 * - Marcus finds Rowan's intake survey due, records it on Rowan's page (Idempotency-Key) and
 *   corrects it (If-Match);
 * - Renée reads the outcomes dashboard, for the organisation and for one intake quarter whose
 *   figures are all suppressed;
 * - Priya registers an integrator client, sees its secret once and copies it, then revokes the
 *   client (whose secret then stops working);
 * - José reads to whom his information went: an emergency disclosure and an export to the
 *   state evaluation team he consented to.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { request as apiRequest } from 'playwright-core';

import {
  apiAs,
  baseUrl,
  createFindings,
  entryAround,
  expectHeading,
  LOGINS,
  navigate,
  openBrowser,
  screenshot,
  signIn,
  step,
  uniqueStamp,
} from './support/browser.mjs';

// Rowan enrolled nine days before the demo data was loaded and has no outcome survey yet:
// the intake survey is due.
const ROWAN = 'Rowan Adeyemi';
const JOSE = 'José Ramírez';
// The demo's integrator client (printed by `python -m app seed-demo`, and in the README).
const DEMO_CLIENT_ID = '5e1f0a3c-9d2b-4c7e-8f60-000000000988';
const DEMO_CLIENT_SECRET = 'demo-integrator-secret-riverbend-2026';
const EVALUATION_TEAM = 'State Opioid Response evaluation team';

/** Runs a flow in its own browser, and fails at the end on axe findings or page problems. */
async function inBrowser(name, flow) {
  const browser = await openBrowser(name);
  try {
    const findings = createFindings();
    await flow(browser.page, findings, browser);
    findings.assertNone(browser.problems);
  } finally {
    await browser.close();
  }
}

async function scrollToHeading(page, name) {
  await page.getByRole('heading', { name, exact: true }).first().evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
}

/** A token for an integrator client, or the refusal's status. */
async function clientToken(clientId, secret) {
  const context = await apiRequest.newContext({ baseURL: `${baseUrl()}/api/v1/` });
  try {
    const answer = await context.post('auth/token', {
      form: { grant_type: 'client_credentials', client_id: clientId, client_secret: secret },
    });
    return { status: answer.status(), token: answer.ok() ? (await answer.json()).access_token : null };
  } finally {
    await context.dispose();
  }
}

test('outcomes: a specialist records a survey that is due, then corrects it', { timeout: 180_000 }, async () => {
  await inBrowser('outcomes-specialist', async (page, findings) => {
    await step(page, 'Marcus finds Rowan’s intake survey due', async () => {
      await signIn(page, LOGINS.specialist);
      await expectHeading(page, 'Caseload');
      await navigate(page, 'Surveys due');
      await expectHeading(page, 'Surveys due');
      const table = page.getByRole('table', { name: 'Surveys due' });
      const row = entryAround(table.getByRole('link', { name: ROWAN, exact: true }));
      await row.waitFor();
      assert.match(await row.innerText(), /Intake/);
      assert.match(await row.innerText(), /Due now/);
      await findings.a11y(page, 'surveys due');
      await screenshot(page, 'surveys-due.png');
    });

    await step(page, 'open Rowan’s outcome surveys from the list', async () => {
      await page.getByRole('table', { name: 'Surveys due' }).getByRole('link', { name: ROWAN, exact: true }).click();
      await expectHeading(page, ROWAN);
      const section = page.getByRole('region', { name: 'Outcome surveys' });
      await section.getByText('Next survey').waitFor();
      await section.getByText('Due now').waitFor();
      await section.getByText('No outcome survey has been recorded yet.').waitFor();
    });

    await step(page, 'record the intake survey: satisfaction is not asked at intake', async () => {
      const section = page.getByRole('region', { name: 'Outcome surveys' });
      await section.getByRole('button', { name: 'Record an outcome survey' }).click();
      const form = page.getByRole('form', { name: `Record an outcome survey with ${ROWAN}` });
      await form.waitFor();
      assert.equal(await form.getByRole('combobox', { name: /^Survey/ }).inputValue(), 'intake');
      assert.equal(await form.getByRole('group', { name: /satisfied/ }).count(), 0, 'no satisfaction question at intake');
      await form.getByText('Satisfaction with the program is not asked at intake.').waitFor();

      const answers = [
        ['Days they drank alcohol', '6'],
        ['Days they used drugs', '2'],
        ['Times arrested', '0'],
        ['Emergency room visits', '1'],
        ['Nights in hospital as an inpatient', '0'],
      ];
      for (const [label, value] of answers) {
        await form.getByRole('spinbutton', { name: new RegExp(`^${label}`) }).fill(value);
      }
      await form.getByRole('combobox', { name: /^Housing/ }).selectOption('unstable');
      await form.getByRole('combobox', { name: /^Work or study/ }).selectOption('unemployed');
      await form.getByRole('group', { name: 'Were they in treatment in the past 30 days?' }).getByRole('radio', { name: 'Yes' }).check();
      await form.getByRole('group', { name: /people to turn to for support/ }).getByRole('radio', { name: 'Yes' }).check();
      await findings.a11y(page, 'outcome survey form');

      const saved = page.waitForResponse(
        (response) => response.request().method() === 'POST' && /\/outcome-surveys$/.test(new URL(response.url()).pathname),
      );
      await form.getByRole('button', { name: 'Save intake survey' }).click();
      const response = await saved;
      assert.equal(response.status(), 201, `POST outcome-surveys: ${response.status()}`);
      assert.match(response.request().headers()['idempotency-key'] ?? '', /^[0-9a-f-]{36}$/, 'the survey carries an Idempotency-Key');
      await section.getByText(/^Saved: the intake survey of /).waitFor();
    });

    await step(page, 'see it listed, and the follow-up next', async () => {
      const section = page.getByRole('region', { name: 'Outcome surveys' });
      const table = section.getByRole('table', { name: /Outcome survey answers/ });
      await table.waitFor();
      assert.match(await table.getByRole('row', { name: /Days drinking alcohol/ }).innerText(), /6/);
      assert.match(await table.getByRole('row', { name: /Housing/ }).innerText(), /Unstable/);
      assert.match(await table.getByRole('columnheader', { name: /Intake/ }).innerText(), /\d{4}/);
      await section.getByText(/Six-month follow-up/).first().waitFor();
      await section.getByText('Coming up').waitFor();
      await findings.a11y(page, 'participant outcome surveys');
      await scrollToHeading(page, 'Outcome surveys');
      await screenshot(page, 'participant-outcome-surveys.png');
    });

    await step(page, 'correct the intake survey (If-Match)', async () => {
      const section = page.getByRole('region', { name: 'Outcome surveys' });
      await section.getByRole('button', { name: 'Correct the intake survey' }).click();
      const form = page.getByRole('form', { name: 'Correct the intake survey' });
      const alcohol = form.getByRole('spinbutton', { name: /^Days they drank alcohol/ });
      await alcohol.waitFor();
      assert.equal(await alcohol.inputValue(), '6');
      await alcohol.fill('5');
      const corrected = page.waitForResponse(
        (response) => response.request().method() === 'PATCH' && /\/outcome-surveys\//.test(new URL(response.url()).pathname),
      );
      await form.getByRole('button', { name: 'Save the correction' }).click();
      const response = await corrected;
      assert.equal(response.status(), 200, `PATCH outcome-surveys: ${response.status()}`);
      assert.ok(response.request().headers()['if-match'], 'the correction carries If-Match');
      assert.deepEqual(JSON.parse(response.request().postData() ?? '{}'), { alcohol_days: 5 });
      await section.getByText(/^Corrected: the intake survey of /).waitFor();
      const table = section.getByRole('table', { name: /Outcome survey answers/ });
      await table.getByRole('columnheader', { name: /corrected/ }).waitFor();
      assert.match(await table.getByRole('row', { name: /Days drinking alcohol/ }).innerText(), /5/);
    });

    await step(page, 'Rowan’s intake is no longer due', async () => {
      await navigate(page, 'Surveys due');
      await expectHeading(page, 'Surveys due');
      await page.getByRole('table', { name: 'Surveys due' }).or(page.getByText('No surveys are due.')).waitFor();
      // The list on screen may be the one read before the survey, until it is read again.
      await page.getByRole('link', { name: ROWAN, exact: true }).waitFor({ state: 'detached' });
    });
  });
});

test('outcomes: the supervisor reads the dashboard, suppressed figures shown as suppressed', { timeout: 120_000 }, async () => {
  await inBrowser('outcomes-supervisor', async (page, findings) => {
    await step(page, 'Renée opens the outcomes dashboard', async () => {
      await signIn(page, LOGINS.supervisor);
      await navigate(page, 'Outcomes');
      await expectHeading(page, 'Outcomes');
      const noUse = page.getByRole('figure', { name: 'No alcohol or drug use' });
      await noUse.locator('.outcome-chart svg').first().waitFor();
      // The alumni in the demo data give every timepoint enough people.
      assert.match(await noUse.innerText(), /n = \d{2,}/);
      assert.match(await noUse.innerText(), /Change from intake, same people/);
      await findings.a11y(page, 'outcomes dashboard');
      await page.getByRole('group', { name: 'Show figures for' }).evaluate((group) => group.scrollIntoView({ block: 'start' }));
      await screenshot(page, 'outcomes-dashboard.png');
    });

    await step(page, 'one intake quarter: small groups are suppressed, not zero', async () => {
      // The grouping lives in the address: the radio is checked once the URL has changed.
      await page.getByRole('radio', { name: 'One intake quarter' }).click();
      const quarter = page.getByRole('combobox', { name: 'Intake quarter' });
      await quarter.waitFor();
      assert.ok(await page.getByRole('radio', { name: 'One intake quarter' }).isChecked());
      const options = await quarter.locator('option').allTextContents();
      const suppressed = options.find((text) => text.includes('(every figure suppressed)'));
      assert.ok(suppressed, `a quarter with too few people: ${options.join(' | ')}`);
      await quarter.selectOption({ label: suppressed });
      await page.getByText(/Every figure is suppressed: fewer than 11 people/).waitFor();
      const housed = page.getByRole('figure', { name: 'Stably housed' });
      await housed.locator('.outcome-chart svg').first().waitFor();
      await housed.getByText('Suppressed', { exact: true }).first().waitFor();
      await page.getByRole('button', { name: 'Show the figures as a table' }).click();
      const table = page.getByRole('table', { name: /Outcome figures for intake in/ });
      const row = table.getByRole('row', { name: /Stably housed/ });
      assert.match(await row.innerText(), /Suppressed \(fewer than 11 people\)/);
      assert.doesNotMatch(await row.innerText(), /\b0\.0%/);
      await findings.a11y(page, 'outcomes dashboard by intake quarter, with the table');
    });
  });
});

test('integrators: the admin registers a client, sees its secret once, then revokes it', { timeout: 120_000 }, async () => {
  await inBrowser('outcomes-admin', async (page, findings, browser) => {
    const name = `Evaluation partner ${uniqueStamp()}`;
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });

    await step(page, 'Priya opens the integrators page', async () => {
      await signIn(page, LOGINS.admin);
      await navigate(page, 'Integrators');
      await expectHeading(page, 'Integrators');
      await page.getByRole('table', { name: 'Integrator clients' }).getByRole('rowheader', { name: new RegExp(EVALUATION_TEAM) }).waitFor();
      await findings.a11y(page, 'integrators');
    });

    const secret = await step(page, 'register a client: the secret is shown once, with a Copy button', async () => {
      await page.getByRole('textbox', { name: /^Name/ }).fill(name);
      await page.getByRole('button', { name: 'Register client' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Store the client secret now' });
      await dialog.waitFor();
      await dialog.getByText('You will not see this secret again.').waitFor();
      const value = await dialog.getByRole('textbox', { name: 'Client secret' }).inputValue();
      assert.ok(value.length >= 20, 'a secret is shown');
      const copy = dialog.getByRole('button', { name: 'Copy the secret' });
      await copy.click();
      const status = dialog.getByRole('status');
      await status.filter({ hasText: /secret/ }).waitFor();
      if (/copied to the clipboard/.test(await status.innerText())) {
        assert.equal(await page.evaluate(() => navigator.clipboard.readText()), value, 'the clipboard holds the secret');
      } else {
        assert.match(await status.innerText(), /copy it with Ctrl\+C/);
      }
      await findings.a11y(page, 'client secret dialog');
      await screenshot(page, 'integrator-secret.png');
      // Not lost by a stray Escape; closing needs the confirmation.
      await page.keyboard.press('Escape');
      await dialog.waitFor();
      await dialog.getByRole('checkbox', { name: /I have stored the client ID and secret/ }).check();
      await dialog.getByRole('button', { name: 'Done' }).click();
      await dialog.waitFor({ state: 'detached' });
      return value;
    });

    await step(page, 'the client is listed, and its secret is nowhere on the page', async () => {
      await page.getByText(`${name} is registered.`, { exact: false }).waitFor();
      const row = page.getByRole('table', { name: 'Integrator clients' }).getByRole('row', { name: new RegExp(name) });
      await row.waitFor();
      assert.match(await row.innerText(), /Active/);
      assert.ok(!(await page.content()).includes(secret), 'the secret is gone once the dialog is closed');
      assert.equal((await clientToken(await clientIdOf(row), secret)).status, 200, 'the secret works');
    });

    await step(page, 'revoke it, after confirming', async () => {
      const row = page.getByRole('table', { name: 'Integrator clients' }).getByRole('row', { name: new RegExp(name) });
      const clientId = await clientIdOf(row);
      await row.getByRole('button', { name: `Revoke ${name}` }).click();
      const dialog = page.getByRole('dialog', { name: `Revoke ${name}?` });
      await dialog.waitFor();
      const revoked = page.waitForResponse(
        (response) => response.request().method() === 'DELETE' && /\/integrator-clients\//.test(response.url()),
      );
      await dialog.getByRole('button', { name: 'Revoke client' }).click();
      assert.equal((await revoked).status(), 204);
      await page.getByText(`${name} is revoked.`, { exact: false }).waitFor();
      await row.getByText('Revoked', { exact: true }).waitFor();
      assert.equal(await row.getByRole('button').count(), 0);
      assert.equal((await clientToken(clientId, secret)).status, 401, 'a revoked client’s secret no longer works');
      await findings.a11y(page, 'integrators after revoking');
    });
  });
});

/** The client id shown in a row of the clients table. */
async function clientIdOf(row) {
  const id = (await row.locator('code').innerText()).trim();
  assert.match(id, /^[0-9a-f-]{36}$/);
  return id;
}

test('disclosures: José reads to whom his information went, and why', { timeout: 120_000 }, async () => {
  await inBrowser('outcomes-participant', async (page, findings) => {
    await step(page, 'set the scene: an emergency disclosure, and an export he consented to', async () => {
      const supervisor = await apiAs(LOGINS.supervisor);
      try {
        const found = await supervisor.get(`participants?q=${encodeURIComponent(JOSE)}`);
        const jose = found.items.find((item) => item.preferred_name === JOSE);
        assert.ok(jose, `${JOSE} is in the demo data`);
        await supervisor.post(`participants/${jose.id}/emergency-disclosures`, {
          recipient_name: 'Dr. Amara Osei',
          recipient_facility: 'Providence St. Vincent Emergency Department',
          nature_of_emergency: 'Chest pain and confusion at the drop-in centre; paramedics took him to the emergency department.',
          information_disclosed: 'That he takes buprenorphine, and when he last reported use.',
        });
        const signedAt = new Date(Date.now() - 60_000);
        await supervisor.post(`participants/${jose.id}/consents`, {
          kind: 'disclosure',
          signed_at: signedAt.toISOString(),
          signature: JOSE,
          recipient_name: EVALUATION_TEAM,
          recipient_client_id: DEMO_CLIENT_ID,
          information_categories: ['outcomes'],
          purpose: 'Evaluating whether peer recovery support improves recovery outcomes, as the State Opioid Response grant requires.',
          expires_at: new Date(signedAt.getTime() + 365 * 86_400_000).toISOString(),
        });
        // The consent makes his surveys new to the export; an export sends what changed more
        // than a few seconds ago (transactions still running have committed by then).
        const { token } = await clientToken(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET);
        assert.ok(token, 'the demo integrator gets a token');
        const exporter = await apiRequest.newContext({ baseURL: `${baseUrl()}/api/v1/` });
        try {
          const deadline = Date.now() + 30_000;
          let disclosed = false;
          while (!disclosed && Date.now() < deadline) {
            await new Promise((resolve) => setTimeout(resolve, 2_000));
            const answer = await exporter.get('outcomes/export', { headers: { Authorization: `Bearer ${token}` } });
            assert.equal(answer.status(), 200, `export: ${answer.status()}`);
            await answer.body();
            const accounting = await supervisor.get(`participants/${jose.id}/disclosures`);
            disclosed = accounting.items.some((item) => item.kind === 'consented');
          }
          assert.ok(disclosed, 'the export is in José’s accounting of disclosures');
        } finally {
          await exporter.dispose();
        }
      } finally {
        await supervisor.dispose();
      }
    });

    await step(page, 'José opens My disclosures', async () => {
      await signIn(page, LOGINS.participant);
      await expectHeading(page, 'My plan');
      await navigate(page, 'My disclosures');
      await expectHeading(page, 'My disclosures');
      const emergency = page.getByRole('article', { name: 'To Dr. Amara Osei, Providence St. Vincent Emergency Department' }).first();
      await emergency.waitFor();
      assert.match(await emergency.innerText(), /In a medical emergency/);
      assert.match(await emergency.innerText(), /without asking first/);
      assert.match(await emergency.innerText(), /buprenorphine/);
      const exported = page.getByRole('article', { name: `To ${EVALUATION_TEAM}` }).first();
      assert.match(await exported.innerText(), /With your consent/);
      assert.match(await exported.innerText(), /Your outcome survey answers/);
      assert.match(await exported.innerText(), /State Opioid Response grant/);
      await findings.a11y(page, 'my disclosures');
      await screenshot(page, 'my-disclosures.png');
    });
  });
});
