import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrapVersioned } from '@/lib/api-client';
import { ProblemError } from '@/lib/problem';

import type { CrisisContact, CrisisContactUpdate } from '../types';

import { contactEtag, rememberContactEtag } from './contact-etags';
import { getCrisisContacts } from './get-crisis-contacts';
import { crisisKeys } from './query-keys';

export interface UpdateCrisisContactInput {
  /** The contact as it was listed when the change began. */
  contact: CrisisContact;
  changes: CrisisContactUpdate;
  /**
   * `content`: refuse (412) when the contact no longer reads as `contact` did, so nobody's
   * newer name or number is overwritten unseen. `none`: for moves and the participant's own
   * "may be contacted", which do not depend on what the rest of the contact says.
   */
  guard: 'content' | 'none';
}

function changedMeanwhile(): ProblemError {
  return new ProblemError({
    type: 'about:blank',
    title: 'Precondition Failed',
    status: 412,
    detail: 'The contact was changed by someone else; reload it and try again.',
  });
}

/**
 * The `If-Match` for a change to `contact`: the ETag of our own last write when the contact is
 * still as that write left it. Otherwise the list (which carries no ETags) is read afresh and,
 * under the content guard, compared with what the person started from; `*` then says "the
 * version just checked". See contact-etags.ts for why.
 */
async function ifMatchFor(participantId: string, contact: CrisisContact, guard: UpdateCrisisContactInput['guard']) {
  const known = contactEtag(contact);
  if (known) return known;
  if (guard === 'content') {
    const { items } = await getCrisisContacts(participantId);
    const now = items.find((item) => item.id === contact.id);
    if (!now || now.kind !== contact.kind || now.name !== contact.name || now.phone !== contact.phone) {
      throw changedMeanwhile();
    }
  }
  return '*';
}

export async function updateCrisisContact(
  participantId: string,
  { contact, changes, guard }: UpdateCrisisContactInput,
): Promise<CrisisContact> {
  const ifMatch = await ifMatchFor(participantId, contact, guard);
  const { value: updated, etag } = await unwrapVersioned(
    api
      .PATCH('/crisis-contacts/{contact_id}', {
        params: {
          path: { contact_id: contact.id },
          header: { 'If-Match': ifMatch },
        },
        body: changes,
      }),
  );
  rememberContactEtag(updated, etag);
  return updated;
}

/** Changes or moves a contact (the 988 Lifeline can only be moved; the server refuses the rest). */
export function useUpdateCrisisContact(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateCrisisContactInput) => updateCrisisContact(participantId, input),
    // Also after a failure: a 412 or 404 means the list on screen is out of date.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: crisisKeys.contacts(participantId) }),
        queryClient.invalidateQueries({ queryKey: crisisKeys.myCrisisPlan(participantId) }),
      ]),
  });
}
