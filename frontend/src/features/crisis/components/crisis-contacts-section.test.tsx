import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { signedInRoutes } from '@/testing/data';
import { json, mockApi, noContent, problem } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/render';

import { ANA, CONTACTS, DR_OKAFOR, LIFELINE, PARTICIPANT_ID, SPECIALIST } from '../testing/crisis-data';
import type { CrisisContact } from '../types';

import { CrisisContactsSection } from './crisis-contacts-section';

function renderSection({ canEdit = true } = {}) {
  return renderApp({
    path: '/',
    routes: [
      {
        path: '/',
        element: <CrisisContactsSection participantId={PARTICIPANT_ID} participantName="José" canEdit={canEdit} />,
      },
    ],
  });
}

function listed(items: CrisisContact[] = CONTACTS) {
  return () => json({ items });
}

function entry(name: string) {
  return screen.getByRole('heading', { level: 4, name }).closest('li')!;
}

describe('CrisisContactsSection', () => {
  it('lists the contacts in order with their phone as a tel: link and who may be contacted', async () => {
    mockApi({ ...signedInRoutes('specialist'), 'GET /participants/{participant_id}/crisis-contacts': listed() });
    renderSection();

    const list = await screen.findByRole('list', { name: 'Crisis contacts, in the order to call them' });
    expect(within(list).getAllByRole('heading', { level: 4 }).map((heading) => heading.textContent)).toEqual([
      'Lucía Morales',
      '988 Suicide & Crisis Lifeline',
      'Ana (my daughter)',
      'Dr. Okafor',
    ]);
    expect(within(entry('Ana (my daughter)')).getByRole('link', { name: 'Call Ana (my daughter) at (503) 555-0121' })).toHaveAttribute(
      'href',
      'tel:+15035550121',
    );
    expect(entry('Ana (my daughter)')).toHaveTextContent('May be contacted: yes, José agreed.');
    expect(entry('Dr. Okafor')).toHaveTextContent('May be contacted: not yet. Only José can allow it.');
    // Staff see the participant's choice; they cannot make it.
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
  });

  it('lets 988 be moved but never edited or removed, and leaves the matched specialist alone', async () => {
    mockApi({ ...signedInRoutes('specialist'), 'GET /participants/{participant_id}/crisis-contacts': listed() });
    renderSection();

    const lifeline = entry(await screen.findByRole('heading', { level: 4, name: LIFELINE.name }).then((h) => h.textContent!));
    expect(lifeline).toHaveTextContent('It can be moved, but not changed or removed.');
    expect(within(lifeline).queryByRole('button', { name: /Edit/ })).not.toBeInTheDocument();
    expect(within(lifeline).queryByRole('button', { name: /Remove/ })).not.toBeInTheDocument();
    // Above it is the specialist, who stays first.
    expect(within(lifeline).getByRole('button', { name: `Move up: ${LIFELINE.name}` })).toBeDisabled();
    expect(within(lifeline).getByRole('button', { name: `Move down: ${LIFELINE.name}` })).toBeEnabled();

    const specialist = entry(SPECIALIST.name);
    expect(within(specialist).queryAllByRole('button')).toEqual([]);
    expect(specialist).toHaveTextContent('first in the list while the match lasts');

    expect(within(entry(ANA.name)).getByRole('button', { name: `Edit ${ANA.name}` })).toBeInTheDocument();
    expect(within(entry(ANA.name)).getByRole('button', { name: `Remove ${ANA.name}` })).toBeInTheDocument();
    expect(within(entry(DR_OKAFOR.name)).getByRole('button', { name: `Move down: ${DR_OKAFOR.name}` })).toBeDisabled();
  });

  it('shows the list without any action to admins', async () => {
    mockApi({ ...signedInRoutes('admin'), 'GET /participants/{participant_id}/crisis-contacts': listed() });
    renderSection({ canEdit: false });
    await screen.findByRole('heading', { level: 4, name: ANA.name });
    expect(screen.queryAllByRole('button')).toEqual([]);
  });

  it('moves 988 down and keeps the focus on it', async () => {
    const moved = [SPECIALIST, { ...ANA, position: 1 }, { ...LIFELINE, position: 2 }, DR_OKAFOR];
    const mock = mockApi({
      ...signedInRoutes('specialist'),
      'GET /participants/{participant_id}/crisis-contacts': [listed(), listed(moved)],
      'PATCH /crisis-contacts/{contact_id}': () => json({ ...LIFELINE, position: 2 }, 200, { ETag: '"988-v2"' }),
    });
    const { user } = renderSection();

    await user.click(await screen.findByRole('button', { name: `Move down: ${LIFELINE.name}` }));

    expect(await screen.findByText(`${LIFELINE.name} is now number 3 in the list.`)).toBeInTheDocument();
    const [request] = mock.calls('PATCH /crisis-contacts/{contact_id}');
    expect(new URL(request!.url).pathname).toBe(`/api/v1/crisis-contacts/${LIFELINE.id}`);
    expect(request!.headers.get('If-Match')).toBeTruthy();
    expect(await request!.json()).toEqual({ position: 2 });
    const names = within(screen.getByRole('list', { name: /Crisis contacts/ }))
      .getAllByRole('heading', { level: 4 })
      .map((heading) => heading.textContent);
    expect(names).toEqual(['Lucía Morales', 'Ana (my daughter)', LIFELINE.name, 'Dr. Okafor']);
    expect(screen.getByRole('button', { name: `Move down: ${LIFELINE.name}` })).toHaveFocus();
  });

  it('adds a contact that waits for the participant’s agreement, and puts a refused phone number by its field', async () => {
    const added = { ...DR_OKAFOR, id: 'contact-new', name: 'Marta (neighbour)', kind: 'friend' as const, position: 4 };
    const mock = mockApi({
      ...signedInRoutes('specialist'),
      'GET /participants/{participant_id}/crisis-contacts': [listed(), listed([...CONTACTS, added])],
      'POST /participants/{participant_id}/crisis-contacts': [
        () =>
          problem(422, 'The request is not valid.', {
            errors: [{ loc: ['body', 'phone'], msg: 'Value error, not a valid phone number', type: 'value_error' }],
          }),
        () => json(added, 201, { ETag: '"new-v1"' }),
      ],
    });
    const { user } = renderSection();

    await user.click(await screen.findByRole('button', { name: 'Add a crisis contact' }));
    const form = screen.getByRole('form', { name: 'Add a crisis contact' });
    await user.click(within(form).getByRole('button', { name: 'Add contact' }));
    expect(within(form).getByLabelText(/^Who they are/)).toHaveAccessibleDescription(/Choose who this person is/);
    expect(mock.calls('POST /participants/{participant_id}/crisis-contacts')).toHaveLength(0);

    await user.selectOptions(within(form).getByLabelText(/^Who they are/), 'Friend');
    await user.type(within(form).getByLabelText(/^Name/), 'Marta (neighbour)');
    await user.type(within(form).getByLabelText(/^Phone number/), '555');
    await user.click(within(form).getByRole('button', { name: 'Add contact' }));
    expect(await within(form).findByText('Not a valid phone number')).toBeInTheDocument();

    await user.clear(within(form).getByLabelText(/^Phone number/));
    await user.type(within(form).getByLabelText(/^Phone number/), '(503) 555-0199');
    await user.click(within(form).getByRole('button', { name: 'Add contact' }));

    expect(await screen.findByText('Marta (neighbour) is added to the crisis contacts.')).toBeInTheDocument();
    const [, second] = mock.calls('POST /participants/{participant_id}/crisis-contacts');
    expect(await second!.json()).toEqual({ kind: 'friend', name: 'Marta (neighbour)', phone: '(503) 555-0199', may_contact: false });
  });

  it('edits a contact with If-Match, and on 412 keeps what was typed and offers the latest version', async () => {
    const changedByJose = { ...ANA, phone: '+15035550999' };
    const mock = mockApi({
      ...signedInRoutes('specialist'),
      // The first read; the check before saving (still as it was); after the 412; after loading the latest.
      'GET /participants/{participant_id}/crisis-contacts': [
        listed(),
        listed(),
        listed([SPECIALIST, LIFELINE, changedByJose, DR_OKAFOR]),
      ],
      'PATCH /crisis-contacts/{contact_id}': [
        () => problem(412, 'The resource was changed by someone else; reload it and try again.'),
        () => json({ ...changedByJose, name: 'Ana Ramírez' }, 200, { ETag: '"ana-v3"' }),
      ],
    });
    const { user } = renderSection();

    await user.click(await screen.findByRole('button', { name: `Edit ${ANA.name}` }));
    const form = screen.getByRole('form', { name: `Edit ${ANA.name}` });
    await user.clear(within(form).getByLabelText(/^Name/));
    await user.type(within(form).getByLabelText(/^Name/), 'Ana Ramírez');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));

    expect(await within(form).findByText(/Someone else changed this contact while you were editing it/)).toBeInTheDocument();
    expect(within(form).getByLabelText(/^Name/)).toHaveValue('Ana Ramírez');
    const [first] = mock.calls('PATCH /crisis-contacts/{contact_id}');
    expect(first!.headers.get('If-Match')).toBe('*');
    expect(await first!.json()).toEqual({ name: 'Ana Ramírez' });

    await user.click(within(form).getByRole('button', { name: 'Load the latest version' }));
    expect(await within(form).findByText(/Ana \(my daughter\), Family, \(503\) 555-0999/)).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    await screen.findByRole('button', { name: `Edit ${ANA.name}` });
    expect(mock.calls('PATCH /crisis-contacts/{contact_id}')).toHaveLength(2);
  });

  it('refuses to save over a change it can see before sending anything', async () => {
    const mock = mockApi({
      ...signedInRoutes('specialist'),
      'GET /participants/{participant_id}/crisis-contacts': [listed(), listed([SPECIALIST, LIFELINE, { ...ANA, name: 'Ana R.' }, DR_OKAFOR])],
      'PATCH /crisis-contacts/{contact_id}': () => json(ANA),
    });
    const { user } = renderSection();

    await user.click(await screen.findByRole('button', { name: `Edit ${ANA.name}` }));
    const form = screen.getByRole('form', { name: `Edit ${ANA.name}` });
    await user.clear(within(form).getByLabelText(/^Phone number/));
    await user.type(within(form).getByLabelText(/^Phone number/), '503 555 0100');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));

    expect(await within(form).findByText(/Someone else changed this contact/)).toBeInTheDocument();
    expect(mock.calls('PATCH /crisis-contacts/{contact_id}')).toHaveLength(0);
  });

  it('asks before removing a contact', async () => {
    const mock = mockApi({
      ...signedInRoutes('specialist'),
      'GET /participants/{participant_id}/crisis-contacts': [listed(), listed([SPECIALIST, LIFELINE, DR_OKAFOR])],
      'DELETE /crisis-contacts/{contact_id}': () => noContent(),
    });
    const { user } = renderSection();

    await user.click(await screen.findByRole('button', { name: `Remove ${ANA.name}` }));
    const dialog = screen.getByRole('dialog', { name: `Remove ${ANA.name}?` });
    expect(within(dialog).getByRole('button', { name: 'Keep the contact' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Remove contact' }));

    expect(await screen.findByText(`${ANA.name} is removed from the crisis contacts.`)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 4, name: ANA.name })).not.toBeInTheDocument();
    const [request] = mock.calls('DELETE /crisis-contacts/{contact_id}');
    expect(new URL(request!.url).pathname).toBe(`/api/v1/crisis-contacts/${ANA.id}`);
  });
});
