import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrapVersioned } from '@/lib/api-client';

import type { CrisisContact, CrisisContactCreate } from '../types';

import { rememberContactEtag } from './contact-etags';
import { crisisKeys } from './query-keys';

export async function createCrisisContact(participantId: string, body: CrisisContactCreate): Promise<CrisisContact> {
  const { value: contact, etag } = await unwrapVersioned(
    api
      .POST('/participants/{participant_id}/crisis-contacts', {
        params: { path: { participant_id: participantId } },
        body,
      }),
  );
  rememberContactEtag(contact, etag);
  return contact;
}

/** Adds a contact at the end of the list. Staff cannot say it may be contacted: only the participant can. */
export function useCreateCrisisContact(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CrisisContactCreate) => createCrisisContact(participantId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: crisisKeys.contacts(participantId) }),
  });
}
