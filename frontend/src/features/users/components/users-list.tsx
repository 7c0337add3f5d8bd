import { useEffect, useRef, useState } from 'react';

import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { AlertIcon } from '@/components/ui/icons';
import { SelectField } from '@/components/ui/select-field';
import { Loading } from '@/components/ui/spinner';
import { useCurrentUser } from '@/lib/auth/current-user';
import { isProblemError } from '@/lib/problem';

import { useUsers, type UserFilters, type UserRead, type UserRole } from '../api/get-users';

import { DeactivateUserDialog } from './deactivate-user-dialog';
import { ROLE_CHOICES, roleLabel } from './role-labels';

type StatusFilter = 'all' | 'active' | 'inactive';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function accounts(count: number): string {
  return count === 1 ? '1 account' : `${count} accounts`;
}

/** The organisation's accounts, filtered by role and status, each active one deactivatable. */
export function UsersList() {
  const [role, setRole] = useState<UserRole | ''>('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const filters: UserFilters = {
    ...(role && { role }),
    ...(status !== 'all' && { active: status === 'active' }),
  };
  const users = useUsers(filters);
  const { data: me } = useCurrentUser();
  const [target, setTarget] = useState<UserRead | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);

  // After a deactivation the row's button is gone: the confirmation takes the focus instead.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const items = users.data?.pages.flatMap((page) => page.items) ?? [];

  let content;
  if (users.isPending) {
    content = <Loading label="Loading accounts…" />;
  } else if (users.isError && !users.data) {
    content = (
      <div role="alert" className="form-error load-error">
        <AlertIcon className="form-error__icon" />
        <div className="form-error__body">
          <p className="form-error__message">We couldn’t load the accounts.</p>
          <p className="load-error__detail">
            {isProblemError(users.error) ? users.error.detail || users.error.title : 'Something went wrong.'}
          </p>
          <Button variant="secondary" onClick={() => void users.refetch()}>
            Try again
          </Button>
        </div>
      </div>
    );
  } else if (items.length === 0) {
    content = (
      <EmptyState title="No accounts match these filters." headingLevel={3}>
        <p>Try another kind of account or status.</p>
      </EmptyState>
    );
  } else {
    content = (
      <>
        <div className="record-table-wrap">
          <table role="table" className="record-table record-table--cards users-table" aria-label="Accounts">
            <thead role="rowgroup">
              <tr role="row">
                <th role="columnheader" scope="col">
                  Name
                </th>
                <th role="columnheader" scope="col">
                  Email
                </th>
                <th role="columnheader" scope="col">
                  Role
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
              {items.map((user) => (
                <tr role="row" key={user.id}>
                  <th role="rowheader" scope="row" className="record-table__name">
                    {user.display_name}
                    {user.id === me?.id && <span className="record-table__sub"> (you)</span>}
                  </th>
                  <td role="cell" data-label="Email" className="users-table__email">
                    {user.email}
                  </td>
                  <td role="cell" data-label="Role">
                    {roleLabel(user.role)}
                  </td>
                  <td role="cell" data-label="Status">
                    {user.is_active ? (
                      'Active'
                    ) : (
                      <>
                        Deactivated
                        {user.deactivated_at && (
                          <span className="record-table__sub">
                            on <time dateTime={user.deactivated_at}>{dateFormat.format(new Date(user.deactivated_at))}</time>
                          </span>
                        )}
                      </>
                    )}
                  </td>
                  <td role="cell" className="record-table__actions">
                    {user.is_active && (
                      <Button
                        variant="secondary"
                        onClick={() => {
                          setNotice(null);
                          setTarget(user);
                        }}
                      >
                        Deactivate{' '}<span className="visually-hidden">{user.display_name}</span>
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
            {users.hasNextPage ? `Showing the first ${accounts(items.length)}.` : `Showing ${accounts(items.length)}.`}
          </p>
          {users.hasNextPage && (
            <Button
              variant="secondary"
              onClick={() => void users.fetchNextPage()}
              isLoading={users.isFetchingNextPage}
            >
              {users.isFetchingNextPage ? 'Loading more…' : 'Load more'}
            </Button>
          )}
        </div>
      </>
    );
  }

  return (
    <div className="list-view">
      <div className="list-filters">
        <SelectField label="Kind of account" value={role} onChange={(event) => setRole(event.target.value as UserRole | '')}>
          <option value="">Everyone</option>
          {ROLE_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.plural}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Account status"
          value={status}
          onChange={(event) => setStatus(event.target.value as StatusFilter)}
        >
          <option value="all">All accounts</option>
          <option value="active">Active</option>
          <option value="inactive">Deactivated</option>
        </SelectField>
      </div>
      {notice && (
        <p ref={noticeRef} tabIndex={-1} role="status" className="notice">
          {notice}
        </p>
      )}
      <div className="list-view__results" aria-busy={users.isFetching || undefined}>
        {content}
      </div>
      {target && (
        <DeactivateUserDialog
          key={target.id}
          user={target}
          onClose={() => setTarget(null)}
          onDeactivated={(user) => {
            setTarget(null);
            setNotice(`${user.display_name}’s account is deactivated. They have been signed out everywhere.`);
          }}
        />
      )}
    </div>
  );
}
