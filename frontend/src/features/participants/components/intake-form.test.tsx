import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { signedInRoutes } from '@/testing/data';
import { json, mockApi, problem } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/render';

import { toIsoWithOffset } from '../consent-time';

const NEW_ID = '99999999-9999-4999-8999-999999999999';

function created(body: Record<string, unknown>) {
  return json({ id: NEW_ID, ...body }, 201);
}

async function openIntake(routes: Parameters<typeof mockApi>[0] = {}) {
  const mock = mockApi({ ...signedInRoutes('specialist'), ...routes });
  const rendered = renderApp({ path: '/participants/new' });
  await screen.findByRole('heading', { level: 1, name: 'New participant' });
  return { mock, ...rendered };
}

const preferredName = () => screen.getByRole('textbox', { name: /^Preferred name/ });
const signature = () => screen.getByRole('textbox', { name: /^Signature/ });

describe('intake', () => {
  it('asks for what is missing, next to each field, before sending anything', async () => {
    const { mock, user } = await openIntake();
    await user.click(screen.getByRole('button', { name: 'Enrol participant' }));

    expect(preferredName()).toHaveAttribute('aria-invalid', 'true');
    expect(preferredName()).toHaveAccessibleDescription(/enter the name they would like to be called/i);
    expect(signature()).toHaveAttribute('aria-invalid', 'true');
    expect(signature()).toHaveAccessibleDescription(/types their full name to sign/i);
    expect(screen.getByRole('alert')).toHaveTextContent('Some answers need another look');
    // Start at the first answer to change.
    expect(preferredName()).toHaveFocus();
    expect(mock.calls('POST /participants')).toHaveLength(0);

    // Fixing an answer clears its message as it is typed.
    await user.type(preferredName(), 'Jo');
    expect(preferredName()).not.toHaveAttribute('aria-invalid');
  });

  it('checks email, birth year and dates as soon as a field is left', async () => {
    const { user } = await openIntake();

    const email = screen.getByRole('textbox', { name: /^Email/ });
    await user.type(email, 'jo@example');
    await user.tab();
    expect(email).toHaveAccessibleDescription(/name@example\.org/);

    const birthYear = screen.getByRole('textbox', { name: /^Birth year/ });
    await user.type(birthYear, '2030');
    await user.tab();
    expect(birthYear).toHaveAttribute('aria-invalid', 'true');
    expect(birthYear).toHaveAccessibleDescription(/enter a year between 1900 and/i);

    const startDate = screen.getByLabelText(/^Recovery start date/);
    fireEvent.change(startDate, { target: { value: '2999-01-01' } });
    fireEvent.blur(startDate);
    expect(startDate).toHaveAccessibleDescription(/cannot be in the future/);

    const signedAt = screen.getByLabelText(/^Signed at/);
    fireEvent.change(signedAt, { target: { value: '2999-01-01T10:00' } });
    fireEvent.blur(signedAt);
    expect(signedAt).toHaveAccessibleDescription(/cannot be signed in the future/);

    // An empty required field is not flagged just for being passed through.
    await user.click(preferredName());
    await user.tab();
    expect(preferredName()).not.toHaveAttribute('aria-invalid');
  });

  it("shows the server's 422 details next to the fields they are about", async () => {
    const { user } = await openIntake({
      'POST /participants': () =>
        problem(422, 'Some answers need another look.', {
          errors: [
            { loc: ['body', 'enrolment_consent', 'signature'], msg: 'Value error, the signature must be a full name', type: 'value_error' },
            { loc: ['body', 'phone'], msg: 'String should match pattern', type: 'string_pattern_mismatch' },
          ],
        }),
    });
    await user.type(preferredName(), 'Jo');
    await user.type(signature(), 'J');
    await user.click(screen.getByRole('button', { name: 'Enrol participant' }));

    await waitFor(() => expect(signature()).toHaveAttribute('aria-invalid', 'true'));
    expect(signature()).toHaveAccessibleDescription(/The signature must be a full name/);
    expect(screen.getByRole('textbox', { name: /^Phone/ })).toHaveAccessibleDescription(/String should match pattern/);
    expect(screen.getByRole('alert')).toHaveTextContent('Some answers need another look');
    // What was typed is kept.
    expect(preferredName()).toHaveValue('Jo');
    // Focus goes to the first of them on the page.
    expect(screen.getByRole('textbox', { name: /^Phone/ })).toHaveFocus();

    // Changing the answer hides the server's message about it until the next try.
    await user.type(signature(), 'o Rivera');
    expect(signature()).not.toHaveAttribute('aria-invalid');
  });

  it('sends the answers as ParticipantCreate and opens the new participant', async () => {
    const { mock, user, router } = await openIntake({
      'POST /participants': async (request) => created((await request.json()) as Record<string, unknown>),
    });

    await user.type(preferredName(), '  Jo ');
    await user.type(screen.getByRole('textbox', { name: /^Legal name/ }), 'Joanna Rivera');
    await user.type(screen.getByRole('textbox', { name: /^Pronouns/ }), 'she/they');
    await user.type(screen.getByRole('textbox', { name: /^Email/ }), 'jo@example.org');
    await user.type(screen.getByRole('textbox', { name: /^Phone/ }), '+1 555 010 2233');
    await user.selectOptions(screen.getByRole('combobox', { name: /^Primary language/ }), 'es');
    await user.type(screen.getByRole('textbox', { name: /^Birth year/ }), '1985');
    await user.click(screen.getByRole('checkbox', { name: 'Opioids' }));
    await user.click(screen.getByRole('checkbox', { name: 'Alcohol' }));
    await user.click(screen.getByRole('checkbox', { name: 'MOUD – buprenorphine' }));
    await user.click(screen.getByRole('checkbox', { name: 'SMART Recovery' }));
    fireEvent.change(screen.getByLabelText(/^Recovery start date/), { target: { value: '2025-11-02' } });
    await user.type(screen.getByRole('textbox', { name: 'Strength 1' }), 'My daughter');
    await user.click(screen.getByRole('button', { name: 'Add another strength' }));
    expect(screen.getByRole('textbox', { name: 'Strength 2' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Add another strength' }));
    await user.type(screen.getByRole('textbox', { name: 'Strength 3' }), 'I cook for my friends');
    fireEvent.change(screen.getByLabelText(/^Signed at/), { target: { value: '2026-01-15T09:30' } });
    await user.type(signature(), 'Joanna Rivera');

    await user.click(screen.getByRole('button', { name: 'Enrol participant' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/participants/${NEW_ID}`));
    const [request] = mock.calls('POST /participants');
    expect(await request?.json()).toEqual({
      preferred_name: 'Jo',
      legal_name: 'Joanna Rivera',
      pronouns: 'she/they',
      email: 'jo@example.org',
      phone: '+1 555 010 2233',
      primary_language: 'es',
      birth_year: 1985,
      substances: ['alcohol', 'opioids'],
      recovery_pathways: ['moud_buprenorphine', 'smart_recovery'],
      recovery_start_date: '2025-11-02',
      // The empty middle box is left out.
      strengths: ['My daughter', 'I cook for my friends'],
      enrolment_consent: {
        signed_at: toIsoWithOffset(new Date(2026, 0, 15, 9, 30)),
        signature: 'Joanna Rivera',
      },
    });
    // No "leave without saving?" question after a successful intake.
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('sends only what was answered, with English and the current time by default', async () => {
    const { mock, user } = await openIntake({
      'POST /participants': async (request) => created((await request.json()) as Record<string, unknown>),
    });
    const before = Date.now();
    await user.type(preferredName(), 'Sam');
    await user.type(signature(), 'Sam Okafor');
    await user.click(screen.getByRole('button', { name: 'Enrol participant' }));

    await waitFor(() => expect(mock.calls('POST /participants')).toHaveLength(1));
    const body = (await mock.calls('POST /participants')[0]?.json()) as Record<string, unknown> & {
      enrolment_consent: { signed_at: string };
    };
    expect(Object.keys(body).sort()).toEqual(
      ['enrolment_consent', 'preferred_name', 'primary_language', 'recovery_pathways', 'strengths', 'substances'].sort(),
    );
    expect(body.primary_language).toBe('en');
    expect(body.enrolment_consent.signed_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    // Now, to the minute.
    expect(Math.abs(Date.parse(body.enrolment_consent.signed_at) - before)).toBeLessThan(2 * 60_000);
  });

  it('takes another language as a language tag', async () => {
    const { mock, user } = await openIntake({
      'POST /participants': async (request) => created((await request.json()) as Record<string, unknown>),
    });
    await user.selectOptions(screen.getByRole('combobox', { name: /^Primary language/ }), 'other');
    const tag = screen.getByRole('textbox', { name: /^Language tag/ });
    await user.type(tag, 'Somali');
    await user.type(preferredName(), 'Ayaan');
    await user.type(signature(), 'Ayaan Warsame');
    await user.click(screen.getByRole('button', { name: 'Enrol participant' }));
    expect(tag).toHaveAccessibleDescription(/language tag such as so/);
    expect(mock.calls('POST /participants')).toHaveLength(0);

    await user.clear(tag);
    await user.type(tag, 'so');
    await user.click(screen.getByRole('button', { name: 'Enrol participant' }));
    await waitFor(() => expect(mock.calls('POST /participants')).toHaveLength(1));
    expect(((await mock.calls('POST /participants')[0]?.json()) as { primary_language: string }).primary_language).toBe('so');
  });

  it('explains that enrolment is voluntary and can be revoked', async () => {
    await openIntake();
    const consent = screen.getByRole('region', { name: 'Enrolment consent' });
    expect(consent).toHaveTextContent(/voluntary/);
    expect(consent).toHaveTextContent(/revoke this consent.*at any time/);
    expect(signature()).toHaveAccessibleDescription(/voluntary/);
  });

  it('asks before leaving with unsaved answers', async () => {
    const { user, router } = await openIntake({ 'GET /caseload': () => json({ items: [], next_cursor: null }) });
    await user.type(preferredName(), 'Jo');
    await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Caseload' }));

    const dialog = await screen.findByRole('dialog', { name: 'Leave without saving?' });
    await user.click(within(dialog).getByRole('button', { name: 'Stay on this page' }));
    expect(router.state.location.pathname).toBe('/participants/new');
    expect(preferredName()).toHaveValue('Jo');
  });
});
