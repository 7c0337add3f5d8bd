/** Intake: a specialist enrols a new participant with their recorded consent. */
import { after, before, test } from 'node:test';

import {
  createFindings,
  expectHeading,
  LOGINS,
  navigate,
  openBrowser,
  screenshot,
  signIn,
  step,
} from './support/browser.mjs';

let browser;
before(async () => {
  browser = await openBrowser('intake');
});
after(async () => {
  await browser?.close();
});

test('intake: a specialist enrols a new participant with consent', { timeout: 120_000 }, async () => {
  const { page, problems } = browser;
  const findings = createFindings();
  // The page reached after enrolling is the new record's own, so the name need not be unique.
  const preferredName = 'Avery Quinn';

  await step(page, 'sign in as Marcus and open the intake', async () => {
    await signIn(page, LOGINS.specialist);
    await expectHeading(page, 'Caseload');
    await navigate(page, 'New intake');
    await page.getByLabel('Preferred name').waitFor();
  });

  await step(page, 'refuse an intake without consent', async () => {
    await page.getByLabel('Preferred name').fill(preferredName);
    await page.getByRole('button', { name: 'Enrol participant' }).click();
    await page.getByLabel('Signature').and(page.locator('[aria-invalid="true"]')).waitFor();
    await findings.a11y(page, 'intake (a missing signature)');
  });

  await step(page, 'record consent and enrol', async () => {
    await page.getByLabel('Signature').fill('Avery Jordan Quinn');
    await page.evaluate(() => window.scrollTo(0, 0));
    await findings.a11y(page, 'intake');
    await screenshot(page, 'intake.png');
    await page.getByRole('button', { name: 'Enrol participant' }).click();
    // The new participant's page: its heading is the preferred name.
    await expectHeading(page, preferredName);
    await page.getByRole('heading', { name: 'Consents', exact: true }).waitFor();
  });

  findings.assertNone(problems);
});
