/**
 * Participant: signs in, agrees to a goal their specialist wrote with them, checks in, and
 * sees that check-in in the trend; then reads who opened their record.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  apiAs,
  createFindings,
  expectHeading,
  LOGINS,
  navigate,
  openBrowser,
  PHONE,
  screenshot,
  signIn,
  step,
} from './support/browser.mjs';

let browser;
before(async () => {
  browser = await openBrowser('participant');
});
after(async () => {
  await browser?.close();
});

/** The trend table's newest row (today, in the browser's time zone) as its cells' text. */
async function newestTrendRow(page) {
  const table = page.getByRole('table', { name: /check-ins by day/i });
  await table.waitFor();
  const row = table.locator('tbody tr').first();
  return {
    day: (await row.locator('th').innerText()).trim(),
    cells: (await row.locator('td').allInnerTexts()).map((text) => text.trim()),
  };
}

test('participant: agree to a goal, check in, see it in the trend, read the access log', { timeout: 180_000 }, async () => {
  const { page, problems } = browser;
  const findings = createFindings();

  await step(page, 'set the scene: the supervisor opens José’s record (for the access log)', async () => {
    const supervisor = await apiAs(LOGINS.supervisor);
    try {
      const found = await supervisor.get(`participants?q=${encodeURIComponent('José Ramírez')}`);
      const jose = found.items.find((item) => item.preferred_name === 'José Ramírez');
      assert.ok(jose, 'José Ramírez is in the demo data');
      await supervisor.get(`participants/${jose.id}`);
      await supervisor.get(`participants/${jose.id}/check-ins?limit=5`);
    } finally {
      await supervisor.dispose();
    }
  });

  await step(page, 'sign in as José', async () => {
    await signIn(page, LOGINS.participant);
    await expectHeading(page, 'My plan');
  });

  const statement = await step(page, 'agree to a goal that waits for his agreement', async () => {
    const agree = page.getByRole('button', { name: /^Agree to goal: / }).first();
    await agree.waitFor();
    await findings.a11y(page, 'my plan');
    await screenshot(page, 'my-plan.png');
    const name = (await agree.getAttribute('aria-label')) ?? (await agree.innerText());
    const goal = name.replace(/^Agree to goal:\s*/, '');
    await agree.click();
    await page.getByRole('button', { name: `Agree to goal: ${goal}`, exact: true }).waitFor({ state: 'detached' });
    return goal;
  });
  console.log(`    agreed to: “${statement}”`);

  await step(page, 'open the check-in and its trend table', async () => {
    await navigate(page, 'Check in');
    await expectHeading(page, 'Check in');
    await page.getByRole('figure', { name: 'Mood and craving, last 30 days' }).waitFor();
    await page.getByRole('button', { name: 'Show as table' }).click();
  });
  const before = await newestTrendRow(page);
  const checkInsBefore = before.cells[0] === 'No check-in' ? 0 : Number(before.cells[0]);

  await step(page, 'answer the check-in', async () => {
    await page.getByRole('radio', { name: '4 Good', exact: true }).check();
    await page.getByRole('radiogroup', { name: 'How strong are your cravings right now?' })
      .getByRole('radio', { name: '2', exact: true }).check();
    await page.getByRole('radiogroup', { name: 'Have you used since your last check-in?' })
      .getByRole('radio', { name: 'No', exact: true }).check();
    await page.getByLabel('Hours of sleep last night').fill('7.5');
    await page.getByLabel("Anything else you'd like to share?").fill('Good meeting tonight. Felt steady.');
    await page.evaluate(() => window.scrollTo(0, 0));
    await findings.a11y(page, 'check-in form (with the trend table open)');
    await screenshot(page, 'participant-check-in.png');
    await screenshot(page, 'participant-check-in-phone.png', PHONE);
  });

  await step(page, 'save it and see a calm answer', async () => {
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await page.getByRole('region', { name: 'Thank you for checking in.' }).waitFor();
  });

  await step(page, 'see today’s check-in in the trend', async () => {
    const deadline = Date.now() + 10_000;
    let now = await newestTrendRow(page);
    while (Number(now.cells[0]) !== checkInsBefore + 1 && Date.now() < deadline) {
      await page.waitForTimeout(250);
      now = await newestTrendRow(page);
    }
    assert.equal(now.day, before.day, 'the newest row is still today');
    assert.equal(Number(now.cells[0]), checkInsBefore + 1, `today's check-ins went up by one: ${JSON.stringify(now)}`);
    if (checkInsBefore === 0) assert.equal(now.cells[1], '4 (Good)');
    await page.getByRole('heading', { name: 'Your check-ins over time' }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await findings.a11y(page, 'check-in saved, with the trend');
    await screenshot(page, 'participant-check-in-trend.png');
  });

  await step(page, 'read who opened the record', async () => {
    await navigate(page, 'Who viewed my record');
    await expectHeading(page, 'Who viewed my record');
    const table = page.getByRole('table', { name: /who opened your record/i });
    await table.waitFor();
    const supervisorRow = table.getByRole('row').filter({ hasText: /Ren[ée]e Tremblay/ }).filter({ hasText: 'Viewed your profile' });
    await supervisorRow.first().waitFor();
    const text = await table.innerText();
    assert.match(text, /Supervisor/);
    assert.match(text, /Viewed your check-ins/);
    await findings.a11y(page, 'access log');
    await screenshot(page, 'access-log.png');
  });

  findings.assertNone(problems);
});
