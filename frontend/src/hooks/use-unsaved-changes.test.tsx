import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { createMemoryRouter, Link, RouterProvider } from 'react-router-dom';
import { describe, expect, it } from 'vitest';

import { UnsavedChangesDialog } from '@/components/unsaved-changes-dialog';
import { TextField } from '@/components/ui/text-field';
import { useUnsavedChanges } from '@/hooks/use-unsaved-changes';

function NoteForm() {
  const [note, setNote] = useState('');
  const unsaved = useUnsavedChanges(note !== '');
  return (
    <>
      <Link to="/elsewhere">Elsewhere</Link>
      <TextField label="Note" value={note} onChange={(event) => setNote(event.target.value)} />
      <UnsavedChangesDialog state={unsaved} />
    </>
  );
}

function renderForm() {
  const router = createMemoryRouter(
    [
      { path: '/', element: <NoteForm /> },
      { path: '/elsewhere', element: <h1>Elsewhere</h1> },
    ],
    { initialEntries: ['/'] },
  );
  render(<RouterProvider router={router} />);
  return { router, user: userEvent.setup() };
}

describe('useUnsavedChanges', () => {
  it('lets a clean form go without asking', async () => {
    const { router, user } = renderForm();
    await user.click(screen.getByRole('link', { name: 'Elsewhere' }));
    expect(router.state.location.pathname).toBe('/elsewhere');
  });

  it('asks before leaving a dirty form; staying keeps what was typed', async () => {
    const { router, user } = renderForm();
    await user.type(screen.getByLabelText('Note'), 'Talked about housing');

    await user.click(screen.getByRole('link', { name: 'Elsewhere' }));
    expect(screen.getByRole('dialog', { name: 'Leave without saving?' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');

    await user.click(screen.getByRole('button', { name: 'Stay on this page' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Note')).toHaveValue('Talked about housing');
  });

  it('leaves when the person chooses to discard', async () => {
    const { router, user } = renderForm();
    await user.type(screen.getByLabelText('Note'), 'Draft');
    await user.click(screen.getByRole('link', { name: 'Elsewhere' }));
    await user.click(screen.getByRole('button', { name: 'Leave and discard changes' }));
    expect(router.state.location.pathname).toBe('/elsewhere');
  });

  it('asks the browser before the tab closes while dirty', async () => {
    const { user } = renderForm();
    const clean = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(clean);
    expect(clean.defaultPrevented).toBe(false);

    await user.type(screen.getByLabelText('Note'), 'x');
    const dirty = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(dirty);
    expect(dirty.defaultPrevented).toBe(true);
  });
});
