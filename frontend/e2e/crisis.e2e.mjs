/**
 * Crisis support, with two people at once: Lucía keeps the alerts page open; José presses
 * "I need help now" and sees 988 and his contacts at once, before the server has answered;
 * Lucía sees his alert arrive live, without reloading, and acknowledges it. Then José allows
 * his clinician to be contacted, and Lucía reads that on his record and revises his safety
 * plan (sent with If-Match).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  createFindings,
  DESKTOP,
  entryAround,
  expectHeading,
  LOGINS,
  navigate,
  openBrowser,
  PHONE,
  screenshot,
  signIn,
  step,
} from './support/browser.mjs';

const LUCIA = 'lucia.morales@example.org';
const JOSE = 'José Ramírez';
const CLINICIAN = 'Dr. Okafor, Cascade Bridge Clinic';
const HELP_PANEL = 'You are not alone. Call someone now.';

let lucia;
let jose;
before(async () => {
  lucia = await openBrowser('crisis-lucia');
  jose = await openBrowser('crisis-jose');
});
after(async () => {
  await jose?.close();
  await lucia?.close();
});

async function scrollToHeading(page, name) {
  await page.getByRole('heading', { name, exact: true }).first().evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
}

test('crisis: "I need help now" shows 988 at once → the specialist sees the alert live → acknowledges it', { timeout: 240_000 }, async () => {
  const findings = createFindings();
  const staff = lucia.page;
  const person = jose.page;

  await step(staff, 'Lucía signs in and keeps the alerts page open', async () => {
    await signIn(staff, LUCIA);
    await expectHeading(staff, 'Caseload');
    await navigate(staff, 'Alerts');
    await expectHeading(staff, 'Alerts');
    await staff.getByText('Live: new alerts appear here as they arrive.').waitFor();
    await staff.getByRole('table', { name: 'Alerts' }).or(staff.getByText('Nothing needs you right now.')).waitFor();
    // Set on this very page: still there later means the page was never reloaded.
    await staff.evaluate(() => {
      window.__e2eNotReloaded = true;
    });
  });
  // Fresh demo data has none; an earlier run on the same data may have left some.
  const josesAlerts = () => staff.getByRole('row').filter({ hasText: JOSE }).filter({ hasText: 'Asked for help now' });
  const alertsBefore = await josesAlerts().count();

  await step(person, 'José signs in and opens his crisis plan', async () => {
    await signIn(person, LOGINS.participant);
    await expectHeading(person, 'My plan');
    await person.getByRole('button', { name: 'I need help now' }).waitFor();
    await navigate(person, 'My crisis plan');
    await expectHeading(person, 'My crisis plan');
    const contacts = person.getByRole('list', { name: 'My contacts, in the order to call them' });
    await contacts.getByRole('link', { name: 'Call 988 Suicide & Crisis Lifeline at 988' }).waitFor();
    await person.getByRole('heading', { level: 3, name: 'Step 1: My warning signs' }).waitFor();
    await person.evaluate(() => window.scrollTo(0, 0));
    await findings.a11y(person, 'my crisis plan');
    await screenshot(person, 'my-crisis-plan.png');
  });

  await step(person, 'José presses "I need help now": 988 and his contacts show before the server answers', async () => {
    await person.setViewportSize(PHONE);
    // Hold the request back, to see what shows while it is on its way.
    let release;
    const held = new Promise((resolve) => {
      release = resolve;
    });
    const route = '**/api/v1/participants/*/crisis-events';
    await person.route(route, async (request) => {
      await held;
      await request.continue();
    });
    const answered = person.waitForResponse(
      (response) => response.request().method() === 'POST' && /\/crisis-events$/.test(new URL(response.url()).pathname),
    );

    await person.getByRole('button', { name: 'I need help now' }).click();
    const panel = person.getByRole('region', { name: HELP_PANEL });
    await panel.waitFor();
    assert.equal(await panel.getByRole('link', { name: 'Call 988', exact: true }).getAttribute('href'), 'tel:988');
    assert.equal(await panel.getByRole('link', { name: 'Text 988', exact: true }).getAttribute('href'), 'sms:988');
    assert.equal(
      await panel.getByRole('link', { name: 'Call Lucía Morales at (503) 555-0191' }).getAttribute('href'),
      'tel:+15035550191',
    );
    await panel.getByRole('link', { name: 'Call Ana Ramírez (my daughter) at (503) 555-0121' }).waitFor();
    await panel.getByText('Letting your peer specialist know…').waitFor();

    release();
    const response = await answered;
    assert.equal(response.status(), 201, `POST crisis-events: ${response.status()}`);
    assert.match(response.request().headers()['idempotency-key'] ?? '', /^[0-9a-f-]{36}$/, 'the call for help carries an Idempotency-Key');
    await panel.getByText(/Your specialist has been alerted\./).waitFor();
    await person.unroute(route);
    await findings.a11y(person, 'help now, answered (phone)');
    await panel.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await screenshot(person, 'help-now-phone.png', PHONE);
    await person.setViewportSize(DESKTOP);
  });

  await step(staff, 'Lucía sees José’s alert arrive without reloading', async () => {
    const banner = staff.getByRole('region', { name: 'New alert' });
    await banner.getByText(`${JOSE} — asked for help now`).waitFor();
    assert.match(await banner.innerText(), /New alert: José Ramírez — asked for help now/);
    await josesAlerts().nth(alertsBefore).waitFor();
    assert.equal(await josesAlerts().count(), alertsBefore + 1, 'one alert for the one call for help');
    // Newest first.
    const row = josesAlerts().first();
    assert.match(await row.innerText(), /Crisis/);
    assert.match(await row.innerText(), /Open/);
    assert.match(await row.innerText(), /just now/);
    assert.equal(await staff.evaluate(() => window.__e2eNotReloaded), true, 'the alerts page was not reloaded');
    await findings.a11y(staff, 'alerts, with the live banner');
    await screenshot(staff, 'alerts.png');
  });

  await step(staff, 'Lucía acknowledges it', async () => {
    const acknowledged = staff.waitForResponse(
      (response) => response.request().method() === 'POST' && /\/acknowledge$/.test(new URL(response.url()).pathname),
    );
    const row = josesAlerts().first();
    await row.getByRole('button', { name: `Acknowledge the alert for ${JOSE}` }).click();
    assert.equal((await acknowledged).status(), 200);
    await staff.getByText(`You acknowledged the alert for ${JOSE}.`).waitFor();
    await row.getByText('Acknowledged', { exact: true }).waitFor();
    assert.equal(await row.getByRole('button', { name: `Acknowledge the alert for ${JOSE}` }).count(), 0);
    await row.getByRole('button', { name: `Resolve the alert for ${JOSE}` }).waitFor();
    await staff.getByRole('button', { name: /^Dismiss/ }).click();
  });

  await step(person, 'José allows his clinician to be contacted', async () => {
    await person.getByRole('button', { name: 'Close', exact: true }).click();
    const box = person.getByRole('checkbox', { name: `My support team may contact ${CLINICIAN}` });
    if (await box.isChecked()) {
      // An earlier run on the same data said yes already: start from "not yet".
      await box.uncheck();
      await person.getByRole('checkbox', { name: `My support team may contact ${CLINICIAN}`, checked: false, disabled: false }).waitFor();
    }
    const saved = person.waitForResponse(
      (response) => response.request().method() === 'PATCH' && /\/crisis-contacts\//.test(response.url()),
    );
    await box.check();
    const response = await saved;
    assert.equal(response.status(), 200, `PATCH of the contact: ${response.status()}`);
    assert.ok(response.request().headers()['if-match'], 'the change carries If-Match');
    await person.reload();
    await expectHeading(person, 'My crisis plan');
    await person.getByRole('checkbox', { name: `My support team may contact ${CLINICIAN}`, checked: true }).waitFor();
  });

  await step(staff, 'Lucía reads José’s crisis contacts on his record', async () => {
    await staff.getByRole('row').filter({ hasText: JOSE }).getByRole('link', { name: JOSE }).first().click();
    await expectHeading(staff, JOSE);
    await scrollToHeading(staff, 'Crisis contacts');
    const list = staff.getByRole('list', { name: 'Crisis contacts, in the order to call them' });
    const clinician = entryAround(list.getByRole('heading', { level: 4, name: CLINICIAN }));
    await clinician.getByText(`May be contacted: yes, ${JOSE} agreed.`).waitFor();
    const lifeline = entryAround(list.getByRole('heading', { level: 4, name: '988 Suicide & Crisis Lifeline' }));
    await lifeline.getByRole('button', { name: 'Move down: 988 Suicide & Crisis Lifeline' }).waitFor();
    assert.equal(await lifeline.getByRole('button', { name: /^(Edit|Remove) / }).count(), 0, '988 cannot be edited or removed');
    const specialist = entryAround(list.getByRole('heading', { level: 4, name: 'Lucía Morales' }));
    assert.equal(await specialist.getByRole('button').count(), 0, 'the matched specialist follows the match');
    await findings.a11y(staff, 'participant crisis contacts');
    await scrollToHeading(staff, 'Crisis plan');
    await screenshot(staff, 'crisis-contacts.png');
  });

  await step(staff, 'Lucía revises José’s safety plan (sent with If-Match)', async () => {
    const line = 'Call Ana before 9 p.m.';
    await scrollToHeading(staff, 'Safety plan');
    const summary = staff.getByText(/^Version \d+, saved .* by .*\.$/);
    const [, number] = /^Version (\d+)/.exec(await summary.innerText()) ?? [];
    const version = Number(number);
    assert.ok(version >= 2, `José's safety plan has versions: ${version}`);
    await staff.getByRole('button', { name: 'Edit the safety plan' }).click();
    const form = staff.getByRole('form', { name: 'Edit the safety plan' });
    await form.waitFor();
    const step2 = form.getByRole('group', { name: 'Step 2: Things I can do on my own' });
    const lines = await step2.getByRole('textbox').count();
    await step2.getByRole('button', { name: 'Add a line to step 2' }).click();
    await step2.getByLabel(`Thing to do on my own ${lines + 1}`, { exact: true }).fill(line);
    await form.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    // Clear of the sticky in-page navigation.
    await staff.evaluate(() => window.scrollBy(0, -72));
    await findings.a11y(staff, 'safety plan editor');
    await screenshot(staff, 'safety-plan-editor.png');

    const saved = staff.waitForResponse(
      (response) => response.request().method() === 'PUT' && /\/safety-plan$/.test(new URL(response.url()).pathname),
    );
    await form.getByRole('button', { name: 'Save the safety plan' }).click();
    const response = await saved;
    assert.equal(response.status(), 200, `PUT of the safety plan: ${response.status()}`);
    assert.match(response.request().headers()['if-match'] ?? '', /^"/, 'the save carries the ETag it was read with');
    assert.equal(JSON.parse(response.request().postData() ?? '{}').internal_coping?.at(-1), line);
    await staff.getByText(`The safety plan is saved as version ${version + 1}.`).waitFor();
    await staff.getByRole('listitem').filter({ hasText: line }).first().waitFor();
    await staff.getByRole('button', { name: `View version ${version}` }).waitFor();
  });

  findings.assertNone([...lucia.problems, ...jose.problems]);
});
