import type { ReactNode } from 'react';

import { classNames } from '@/components/ui/class-names';
import { MessageIcon, PhoneIcon } from '@/components/ui/icons';

import type { CrisisContact } from '../types';

import { contactRole, formatPhone } from './crisis-labels';

interface CallListProps {
  contacts: readonly CrisisContact[];
  /** The list's accessible name. */
  label: string;
  /** Under each contact, e.g. the participant's "may be contacted" choice. */
  renderExtra?: (contact: CrisisContact) => ReactNode;
}

/** Contacts in the order to call them, each with a big "Call" link (`tel:`); 988 also by text. */
export function CallList({ contacts, label, renderExtra }: CallListProps) {
  return (
    <ol className="call-list" aria-label={label}>
      {contacts.map((contact) => (
        <li
          key={contact.id}
          className={classNames('call-list__item', contact.is_lifeline && 'call-list__item--lifeline')}
        >
          <div className="call-list__who">
            <span className="call-list__name">{contact.name}</span>
            <span className="call-list__role">{contactRole(contact)}</span>
          </div>
          <div className="call-list__actions">
            {contact.phone ? (
              <a className="button button--secondary call-list__call" href={`tel:${contact.phone}`}>
                <PhoneIcon />
                Call <span className="visually-hidden">{contact.name} at</span> {formatPhone(contact.phone)}
              </a>
            ) : (
              <span className="quiet-text">No phone number yet</span>
            )}
            {contact.is_lifeline && contact.phone && (
              <a className="button button--secondary call-list__call" href={`sms:${contact.phone}`}>
                <MessageIcon />
                Text <span className="visually-hidden">{contact.name} at</span> {formatPhone(contact.phone)}
              </a>
            )}
          </div>
          {renderExtra?.(contact)}
        </li>
      ))}
    </ol>
  );
}
