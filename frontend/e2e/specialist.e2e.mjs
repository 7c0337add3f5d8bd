/**
 * Specialist: signs in, opens a participant from the caseload, adds a goal with them, records
 * a high-risk check-in on their behalf, and sees that risk on the caseload.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  baseUrl,
  choose,
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

const PARTICIPANT = 'Kwame Mensah';

let browser;
before(async () => {
  browser = await openBrowser('specialist');
});
after(async () => {
  await browser?.close();
});

function caseload(page) {
  return page.getByRole('table', { name: 'Caseload' }).or(page.getByRole('list', { name: 'Caseload' }));
}

function caseloadEntry(page, name) {
  return entryAround(caseload(page).getByRole('link', { name, exact: true }));
}

async function scrollToHeading(page, name) {
  await page.getByRole('heading', { name, exact: true }).first().evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
}

test('specialist: caseload → participant → add a goal → high-risk check-in on their behalf → risk on the caseload', { timeout: 180_000 }, async () => {
  const { page, problems } = browser;
  const findings = createFindings();
  const goal = `Walk to the river three mornings a week (${uniqueStamp()})`;

  await step(page, 'the sign-in page', async () => {
    await page.goto(`${baseUrl()}/sign-in`);
    await expectHeading(page, 'Sign in');
    await findings.a11y(page, 'sign in');
    await screenshot(page, 'sign-in.png');
  });

  await step(page, 'sign in as Marcus and land on the caseload', async () => {
    await signIn(page, LOGINS.specialist);
    await expectHeading(page, 'Caseload');
    for (const name of ['Zoë Whitaker', 'Darnell Hayes', PARTICIPANT]) {
      await caseload(page).getByRole('link', { name, exact: true }).waitFor();
    }
    const before = await caseloadEntry(page, PARTICIPANT).innerText();
    console.log(`    ${PARTICIPANT} before: ${before.replace(/\s+/g, ' ').slice(0, 80)}…`);
    await findings.a11y(page, 'caseload');
    await screenshot(page, 'caseload.png');
  });

  await step(page, `open ${PARTICIPANT}`, async () => {
    await caseload(page).getByRole('link', { name: PARTICIPANT, exact: true }).click();
    await expectHeading(page, PARTICIPANT);
    await page.getByRole('heading', { name: 'Recovery plan', exact: true }).waitFor();
    for (const dimension of ['Health', 'Home', 'Purpose', 'Community']) {
      await page.getByRole('heading', { name: dimension, exact: true }).first().waitFor();
    }
    await findings.a11y(page, 'participant page');
    await scrollToHeading(page, 'Recovery plan');
    await screenshot(page, 'participant-plan.png');
  });

  await step(page, 'add a goal in their words', async () => {
    await page.getByRole('button', { name: 'Add goal' }).first().click();
    await choose(page, 'Dimension', 'Health');
    await page.getByLabel('Goal, in their words').fill(goal);
    await page.getByRole('button', { name: 'Save goal' }).click();
    await page.getByText(goal, { exact: true }).first().waitFor();
    // A goal staff add waits for the participant's agreement.
    const card = page.getByText(goal, { exact: true }).first().locator('xpath=ancestor::*[self::li or self::article or self::section][1]');
    assert.match(await card.innerText(), /Waiting for/);
  });

  await step(page, 'record a high-risk check-in on their behalf', async () => {
    await scrollToHeading(page, 'Check-ins');
    let mood = page.getByRole('radiogroup', { name: 'How is your mood today?' });
    if ((await mood.count()) === 0) {
      // The form opens from a button in the Check-ins section.
      await page.getByRole('button', { name: 'Record a check-in', exact: true }).click();
      mood = page.getByRole('radiogroup', { name: 'How is your mood today?' });
    }
    await mood.getByRole('radio', { name: '2 Low', exact: true }).check();
    await page.getByRole('radiogroup', { name: 'How strong are your cravings right now?' })
      .getByRole('radio', { name: '8', exact: true }).check();
    await page.getByRole('radiogroup', { name: 'Have you used since your last check-in?' })
      .getByRole('radio', { name: 'No', exact: true }).check();
    await page.getByLabel("Anything else you'd like to share?").fill('Phone call: the shop closing is weighing on him.');
    await page.getByRole('button', { name: 'Save check-in' }).click();
    const result = page.getByRole('region', { name: /check-in saved/i });
    await result.waitFor();
    await result.getByText('High risk', { exact: true }).waitFor();
    assert.match(await result.innerText(), /Strong craving/);
    await findings.a11y(page, 'participant page after a check-in');
    await scrollToHeading(page, 'Check-ins');
    await screenshot(page, 'participant-trends.png');
  });

  await step(page, 'see the risk on the caseload', async () => {
    await navigate(page, 'Caseload');
    await expectHeading(page, 'Caseload');
    const entry = caseloadEntry(page, PARTICIPANT);
    await entry.getByText('High risk').first().waitFor();
  });

  findings.assertNone(problems);
});
