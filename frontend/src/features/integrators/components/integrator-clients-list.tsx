import { useEffect, useRef, useState } from 'react';

import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { FormError } from '@/components/ui/form-error';
import { SelectField } from '@/components/ui/select-field';
import { Loading } from '@/components/ui/spinner';

import { useIntegratorClients, type IntegratorClientFilters } from '../api/get-integrator-clients';
import type { IntegratorClient } from '../types';

import { formatInstant, scopeLabel } from './integrator-labels';
import { RevokeClientDialog } from './revoke-client-dialog';

type StatusFilter = 'all' | 'active' | 'revoked';

function clients(count: number): string {
  return count === 1 ? '1 client' : `${count} clients`;
}

/** The organisation's integrator clients, filtered by status, each live one revocable. */
export function IntegratorClientsList() {
  const [status, setStatus] = useState<StatusFilter>('all');
  const filters: IntegratorClientFilters = status === 'all' ? {} : { revoked: status === 'revoked' };
  const list = useIntegratorClients(filters);
  const [target, setTarget] = useState<IntegratorClient | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);

  // After a revocation the row's button is gone: the confirmation takes the focus instead.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  let content;
  if (list.isPending) {
    content = <Loading label="Loading integrator clients…" />;
  } else if (list.isError && !list.data) {
    content = (
      <div className="stack">
        <FormError error={list.error} />
        <Button variant="secondary" onClick={() => void list.refetch()}>
          Try again
        </Button>
      </div>
    );
  } else if (items.length === 0) {
    content =
      status === 'all' ? (
        <EmptyState title="No integrator clients yet." headingLevel={3}>
          <p>Register one below for each funder, state system or researcher that pulls outcome data.</p>
        </EmptyState>
      ) : (
        <EmptyState title={`No ${status} clients.`} headingLevel={3} />
      );
  } else {
    content = (
      <>
        <div className="record-table-wrap">
          <table role="table" className="record-table record-table--cards integrators-table" aria-label="Integrator clients">
            <thead role="rowgroup">
              <tr role="row">
                <th role="columnheader" scope="col">
                  Name
                </th>
                <th role="columnheader" scope="col">
                  Access
                </th>
                <th role="columnheader" scope="col">
                  Registered
                </th>
                <th role="columnheader" scope="col">
                  Last used
                </th>
                <th role="columnheader" scope="col">
                  Status
                </th>
                <th role="columnheader" scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {items.map((client) => (
                <tr role="row" key={client.client_id} className={client.revoked_at ? 'integrators-table__row--revoked' : undefined}>
                  <th role="rowheader" scope="row" className="record-table__name">
                    {client.name}
                    <span className="record-table__sub">
                      Client ID <code className="integrators-table__id">{client.client_id}</code>
                    </span>
                  </th>
                  <td role="cell" data-label="Access">
                    {client.scopes.map(scopeLabel).join(', ')}
                  </td>
                  <td role="cell" data-label="Registered">
                    <time dateTime={client.created_at}>{formatInstant(client.created_at)}</time>
                  </td>
                  <td role="cell" data-label="Last used">
                    {client.last_used_at ? (
                      <time dateTime={client.last_used_at}>{formatInstant(client.last_used_at)}</time>
                    ) : (
                      'Never'
                    )}
                  </td>
                  <td role="cell" data-label="Status">
                    {client.revoked_at ? (
                      <>
                        <span className="consent-status consent-status--revoked">Revoked</span>
                        <span className="record-table__sub">
                          <time dateTime={client.revoked_at}>{formatInstant(client.revoked_at)}</time>
                        </span>
                      </>
                    ) : (
                      <span className="consent-status consent-status--active">Active</span>
                    )}
                  </td>
                  <td role="cell" className="record-table__actions">
                    {!client.revoked_at && (
                      <Button
                        variant="secondary"
                        onClick={() => {
                          setNotice(null);
                          setTarget(client);
                        }}
                      >
                        Revoke{' '}<span className="visually-hidden">{client.name}</span>
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="list-footer">
          <p role="status" className="list-footer__count">
            {list.hasNextPage ? `Showing the first ${clients(items.length)}.` : `Showing ${clients(items.length)}.`}
          </p>
          {list.hasNextPage && (
            <Button variant="secondary" isLoading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              Load more
            </Button>
          )}
        </div>
      </>
    );
  }

  return (
    <div className="list-view">
      <div className="list-filters integrators__filters">
        <SelectField label="Show" name="status" value={status} onChange={(event) => setStatus(event.target.value as StatusFilter)}>
          <option value="all">All clients</option>
          <option value="active">Active</option>
          <option value="revoked">Revoked</option>
        </SelectField>
      </div>
      {notice && (
        <p ref={noticeRef} tabIndex={-1} role="status" className="notice">
          {notice}
        </p>
      )}
      <div className="list-view__results" aria-busy={list.isFetching || undefined}>
        {content}
      </div>
      {target && (
        <RevokeClientDialog
          key={target.client_id}
          client={target}
          onClose={() => setTarget(null)}
          onRevoked={(client) => {
            setTarget(null);
            setNotice(`${client.name} is revoked. Its secret and tokens no longer work.`);
          }}
        />
      )}
    </div>
  );
}
