/**
 * The ETags of crisis contacts, as the API sent them with a write (`POST`, `PATCH`).
 *
 * `GET /participants/{id}/crisis-contacts` lists the contacts without their ETags and there is
 * no `GET /crisis-contacts/{id}`, so the only ETag a client can hold for a contact is the one
 * its own last write returned. Each is kept with what the contact looked like then: when the
 * list now shows something else (someone changed or moved it, which moves its version on),
 * the ETag is stale and is not offered.
 */
import type { CrisisContact } from '../types';

const remembered = new Map<string, { etag: string; looksLike: string }>();

function looksLike(contact: CrisisContact): string {
  const { kind, name, phone, may_contact, position } = contact;
  return JSON.stringify([kind, name, phone, may_contact, position]);
}

export function rememberContactEtag(contact: CrisisContact, etag: string | null): void {
  if (etag) remembered.set(contact.id, { etag, looksLike: looksLike(contact) });
  else remembered.delete(contact.id);
}

/** The ETag of `contact` exactly as it is listed, if a write of ours returned it. */
export function contactEtag(contact: CrisisContact): string | null {
  const entry = remembered.get(contact.id);
  return entry && entry.looksLike === looksLike(contact) ? entry.etag : null;
}

export function forgetContactEtag(contactId: string): void {
  remembered.delete(contactId);
}
