/**
 * Matching: the supervisor fills in Marcus's lived experience, finds Rowan waiting for a peer,
 * reads the suggestions with their reasons and proposes Marcus; Rowan reads why and accepts;
 * Marcus then finds Rowan matched on his caseload.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  apiAs,
  createFindings,
  entryAround,
  expectHeading,
  LOGINS,
  navigate,
  openBrowser,
  PHONE,
  screenshot,
  signIn,
  signOut,
  step,
} from './support/browser.mjs';

const PARTICIPANT = 'Rowan Adeyemi';
const PEER = 'Marcus Bell';
// Who signs in to see the new match, by the name a suggestion shows.
const SPECIALIST_LOGINS = {
  'Marcus Bell': LOGINS.specialist,
  'Lucía Morales': 'lucia.morales@example.org',
};

let browser;
before(async () => {
  browser = await openBrowser('matching');
});
after(async () => {
  await browser?.close();
});

async function scrollToHeading(page, name) {
  await page.getByRole('heading', { name, exact: true }).first().evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
}

test('matching: suggestions explained → propose → the participant accepts → on the caseload', { timeout: 240_000 }, async () => {
  const { page, problems } = browser;
  const findings = createFindings();

  await step(page, 'sign in as Renée and open the specialists', async () => {
    await signIn(page, LOGINS.supervisor);
    await expectHeading(page, 'Participants');
    await navigate(page, 'Specialists');
    await expectHeading(page, 'Specialists');
    await page.getByRole('heading', { level: 2, name: PEER, exact: true }).waitFor();
    await findings.a11y(page, 'specialists');
    await screenshot(page, 'specialists.png');
  });

  await step(page, `record ${PEER}'s lived experience (sent with If-Match)`, async () => {
    await page.getByRole('button', { name: `Edit profile of ${PEER}`, exact: true }).click();
    const form = page.getByRole('form', { name: `Edit ${PEER}’s profile` });
    await form.waitFor();
    await form.getByRole('checkbox', { name: 'SMART Recovery', exact: true }).check();
    await form.getByRole('checkbox', { name: 'Alcohol', exact: true }).check();
    await form.getByRole('combobox', { name: 'Born in the' }).selectOption({ label: '1990s' });
    await scrollToHeading(page, PEER);
    await findings.a11y(page, 'specialist profile form');
    await screenshot(page, 'specialist-profile-form.png');
    const saved = page.waitForResponse(
      (response) => response.request().method() === 'PATCH' && /\/specialists\//.test(response.url()),
    );
    await form.getByRole('button', { name: 'Save profile' }).click();
    const response = await saved;
    assert.equal(response.status(), 200, `PATCH of the profile: ${response.status()}`);
    assert.match(response.request().headers()['if-match'] ?? '', /^"/, 'the change carries the ETag it was read with');
    await page.getByText(`${PEER}’s profile is saved.`).waitFor();
  });

  await step(page, `find ${PARTICIPANT} waiting on the caseload balance`, async () => {
    await navigate(page, 'Caseload balance');
    await expectHeading(page, 'Caseload balance');
    const specialists = page.getByRole('table', { name: 'Caseload by specialist' });
    await specialists.getByRole('rowheader', { name: PEER }).waitFor();
    const waiting = page.getByRole('table', { name: 'Participants waiting for a match' });
    const row = entryAround(waiting.getByRole('link', { name: PARTICIPANT, exact: true }));
    await row.waitFor();
    const text = await row.innerText();
    assert.match(text, /\d+ days?|less than a day/, `how long ${PARTICIPANT} has waited: ${text}`);
    assert.match(text, /No proposal yet/);
    await findings.a11y(page, 'caseload balance');
    await screenshot(page, 'caseload-balance.png');
    await waiting.getByRole('link', { name: PARTICIPANT, exact: true }).click();
    await expectHeading(page, PARTICIPANT);
  });

  const proposed = await step(page, 'read the suggestions with their reasons', async () => {
    const section = page.getByRole('region', { name: 'Peer match' });
    await section.getByRole('heading', { name: 'Suggested specialists' }).waitFor();
    const names = section.getByRole('listitem').getByRole('heading', { level: 4 });
    await names.first().waitFor();
    const suggested = (await names.allInnerTexts()).map((name) => name.trim());
    console.log(`    suggested: ${suggested.join(', ')}`);
    // Marcus fits Rowan (both speak English; SMART Recovery and alcohol, as just recorded).
    const choice = suggested.includes(PEER) ? PEER : suggested[0];
    assert.ok(choice, 'at least one specialist is suggested');
    if (choice !== PEER) console.log(`    ${PEER} is not suggested: proposing ${choice}, the best fit`);
    const reasons = section.getByRole('list', { name: `Why ${choice} fits` });
    await reasons.waitFor();
    const lines = await reasons.getByRole('listitem').allInnerTexts();
    console.log(`    why ${choice}: ${lines.map((line) => line.replace(/\s+/g, ' ')).join(' | ')}`);
    assert.ok(lines.some((line) => /Recovery pathway/.test(line) && /\+\d+ points/.test(line)), 'a criterion with its points');
    // The link landed on the section; axe runs from the top, where the sticky in-page
    // navigation covers nothing.
    await page.evaluate(() => window.scrollTo(0, 0));
    await findings.a11y(page, 'participant page with match suggestions');
    await scrollToHeading(page, 'Peer match');
    await screenshot(page, 'participant-match-suggestions.png');
    return choice;
  });

  await step(page, `propose ${proposed}`, async () => {
    const section = page.getByRole('region', { name: 'Peer match' });
    await section.getByRole('button', { name: `Propose ${proposed}`, exact: true }).click();
    await section.getByText(`${proposed} is proposed.`, { exact: false }).waitFor();
    await section.getByRole('heading', { level: 4, name: `Proposed: ${proposed}` }).waitFor();
    await signOut(page);
  });

  await step(page, `sign in as ${PARTICIPANT} and read the proposal`, async () => {
    await signIn(page, LOGINS.waitingParticipant);
    await expectHeading(page, 'My plan');
    await navigate(page, 'My peer match');
    await expectHeading(page, 'My peer match');
    const card = page.getByRole('region', { name: `We suggest ${proposed} as your peer` });
    await card.waitFor();
    const reasons = await card.getByRole('list', { name: `Why ${proposed} could be a good fit` }).getByRole('listitem').allInnerTexts();
    assert.ok(reasons.some((line) => /recovery pathway/i.test(line)), `the reasons are shown: ${reasons.join(' | ')}`);
    await page.getByRole('heading', { name: 'What matters to you in a peer' }).waitFor();
    await findings.a11y(page, 'my peer match (a proposal)');
    await screenshot(page, 'my-peer-match.png');
    await screenshot(page, 'my-peer-match-phone.png', PHONE);
  });

  await step(page, 'accept the proposal', async () => {
    await page.getByRole('button', { name: `Accept ${proposed}`, exact: true }).click();
    await page.getByText(`${proposed} is now your peer specialist.`).waitFor();
    await page.getByRole('heading', { level: 2, name: `Your peer specialist is ${proposed}` }).waitFor();
    await page.getByRole('button', { name: 'Ask for a different match' }).waitFor();
    await findings.a11y(page, 'my peer match (matched)');
    await signOut(page);
  });

  await step(page, `no longer waiting: ${PARTICIPANT} is off the waiting list`, async () => {
    const supervisor = await apiAs(LOGINS.supervisor);
    try {
      const balance = await supervisor.get('caseload/balance');
      assert.ok(!balance.waiting.some((person) => person.preferred_name === PARTICIPANT), `${PARTICIPANT} no longer waits`);
    } finally {
      await supervisor.dispose();
    }
  });

  await step(page, `${proposed} signs in and finds ${PARTICIPANT} matched on the caseload`, async () => {
    const login = SPECIALIST_LOGINS[proposed];
    assert.ok(login, `a demo login for ${proposed}`);
    await signIn(page, login);
    await expectHeading(page, 'Caseload');
    const caseload = page.getByRole('table', { name: 'Caseload' }).or(page.getByRole('list', { name: 'Caseload' }));
    await caseload.getByRole('link', { name: PARTICIPANT, exact: true }).click();
    await expectHeading(page, PARTICIPANT);
    const section = page.getByRole('region', { name: 'Peer match' });
    await section.getByRole('heading', { level: 4, name: `Matched with ${proposed}` }).waitFor();
    await findings.a11y(page, 'participant page with an active match');
  });

  findings.assertNone(problems);
});
