/** Admin: creates a specialist account, which can then sign in. */
import { after, before, test } from 'node:test';

import {
  choose,
  createFindings,
  expectHeading,
  LOGINS,
  openBrowser,
  screenshot,
  signIn,
  signOut,
  step,
  uniqueStamp,
} from './support/browser.mjs';

let browser;
before(async () => {
  browser = await openBrowser('admin');
});
after(async () => {
  await browser?.close();
});

test('admin: create a specialist account, which can then sign in', { timeout: 120_000 }, async () => {
  const { page, problems } = browser;
  const findings = createFindings();
  const stamp = uniqueStamp();
  const email = `jordan.ellis.${stamp}@example.org`;
  const password = `river-stone-${stamp}-lantern`;
  const displayName = 'Jordan Ellis';

  await step(page, 'sign in as Priya and open the users page', async () => {
    await signIn(page, LOGINS.admin);
    await expectHeading(page, 'Users');
    await page.getByRole('button', { name: 'Create account' }).waitFor();
    await findings.a11y(page, 'users');
    await screenshot(page, 'admin-users.png');
  });

  await step(page, 'create a specialist account', async () => {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await choose(page, 'Role', 'Specialist');
    await page.getByLabel('Display name').fill(displayName);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText(email).first().waitFor();
    await findings.a11y(page, 'users after creating an account');
  });

  await step(page, 'the new specialist signs in', async () => {
    await signOut(page);
    await signIn(page, email, password);
    await expectHeading(page, 'Caseload');
    await page.getByText(displayName).first().waitFor();
  });

  findings.assertNone(problems);
});
