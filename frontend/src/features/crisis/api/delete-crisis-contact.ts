import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import type { CrisisContact } from '../types';

import { contactEtag, forgetContactEtag } from './contact-etags';
import { crisisKeys } from './query-keys';

export async function deleteCrisisContact(contact: CrisisContact): Promise<void> {
  await unwrap(
    api.DELETE('/crisis-contacts/{contact_id}', {
      params: {
        path: { contact_id: contact.id },
        header: { 'If-Match': contactEtag(contact) ?? '*' },
      },
    }),
  );
  forgetContactEtag(contact.id);
}

/** Removes a contact (the server refuses the 988 Lifeline with 409). */
export function useDeleteCrisisContact(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteCrisisContact,
    onSettled: () => queryClient.invalidateQueries({ queryKey: crisisKeys.contacts(participantId) }),
  });
}
