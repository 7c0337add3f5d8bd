import { useState } from 'react';
import { Link } from 'react-router-dom';

import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { FormError } from '@/components/ui/form-error';
import { AlertIcon } from '@/components/ui/icons';
import { RiskBadge } from '@/components/ui/risk-badge';
import { SelectField } from '@/components/ui/select-field';
import { Loading } from '@/components/ui/spinner';

import { useAcknowledgeAlert } from '../api/acknowledge-alert';
import { useAlerts } from '../api/get-alerts';
import { useAlertStreamStatus, type AlertStreamStatus } from '../alert-stream';
import { SEVERITIES, SOURCES, STATUS_CHOICES, useAlertSearch, type StatusChoice } from '../hooks/use-alert-search';
import type { Alert, AlertSeverity, AlertSource } from '../types';

import { SEVERITY_LABELS, SOURCE_LABELS, STATUS_LABELS } from './alert-labels';
import { AlertTime } from './alert-time';
import { ResolveAlertDialog } from './resolve-alert-dialog';

const STATUS_CHOICE_LABELS: Record<StatusChoice, string> = {
  unresolved: 'Open or acknowledged',
  open: 'Open',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
  all: 'All',
};

const LIVE_TEXT: Record<AlertStreamStatus, string> = {
  live: 'Live: new alerts appear here as they arrive.',
  connecting: 'Connecting to live alerts…',
  reconnecting: 'Live alerts paused: reconnecting. The list is refreshed once the connection is back.',
  off: 'Live alerts are not available right now: refresh the list to see new ones.',
};

/**
 * `GET /alerts` for the signed-in specialist (their participants' alerts) or supervisor (the
 * organisation's): filtered by status, severity and source, refreshed live by the stream the
 * banner holds, with "Acknowledge" and "Resolve" (with a note).
 */
export function AlertsView() {
  const { search, filters, update, clear, isFiltered } = useAlertSearch();
  const alerts = useAlerts(filters);
  const stream = useAlertStreamStatus();
  const acknowledge = useAcknowledgeAlert();
  const [resolving, setResolving] = useState<Alert | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const entries = alerts.data?.pages.flatMap((page) => page.items) ?? [];

  function onAcknowledge(alert: Alert) {
    setAnnouncement('');
    acknowledge.mutate(alert.id, {
      onSuccess: () => setAnnouncement(`You acknowledged the alert for ${alert.participant_preferred_name}.`),
    });
  }

  let content;
  if (alerts.isPending) {
    content = <Loading label="Loading alerts…" />;
  } else if (alerts.isError && !alerts.data) {
    content = (
      <div className="stack">
        <FormError error={alerts.error} />
        <Button variant="secondary" onClick={() => void alerts.refetch()}>
          Try again
        </Button>
      </div>
    );
  } else if (entries.length === 0) {
    content = isFiltered ? (
      <EmptyState title="No alerts match these filters.">
        <p>Use “Clear filters” above to see the alerts that still need someone.</p>
      </EmptyState>
    ) : (
      <EmptyState title="Nothing needs you right now.">
        <p>New alerts from your participants appear here, and at the top of every page, as they happen.</p>
      </EmptyState>
    );
  } else {
    content = (
      <>
        <div className="record-table-wrap">
          <table role="table" className="record-table record-table--cards alerts-table" aria-label="Alerts">
            <thead role="rowgroup">
              <tr role="row">
                <th role="columnheader" scope="col">
                  Participant
                </th>
                <th role="columnheader" scope="col">
                  Severity
                </th>
                <th role="columnheader" scope="col">
                  What happened
                </th>
                <th role="columnheader" scope="col">
                  Raised
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
              {entries.map((alert) => (
                <AlertRow
                  key={alert.id}
                  alert={alert}
                  isAcknowledging={acknowledge.isPending && acknowledge.variables === alert.id}
                  onAcknowledge={() => onAcknowledge(alert)}
                  onResolve={() => {
                    setAnnouncement('');
                    setResolving(alert);
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
        <div className="list-footer">
          <p className="list-footer__count">
            {alerts.hasNextPage
              ? `Showing the newest ${entries.length} alerts. There are more to load.`
              : `Showing ${entries.length === 1 ? '1 alert' : `${entries.length} alerts`}.`}
          </p>
          {alerts.hasNextPage && (
            <Button
              variant="secondary"
              isLoading={alerts.isFetchingNextPage}
              onClick={() => void alerts.fetchNextPage()}
            >
              Load more
            </Button>
          )}
        </div>
      </>
    );
  }

  return (
    <div className="list-view alerts">
      <form className="list-filters alerts__filters" aria-label="Filter alerts" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          label="Status"
          name="status"
          value={search.status}
          options={STATUS_CHOICES.map((value) => ({ value, label: STATUS_CHOICE_LABELS[value] }))}
          onChange={(event) => update({ status: event.target.value as StatusChoice })}
        />
        <SelectField
          label="Severity"
          name="severity"
          value={search.severity}
          options={[
            { value: '', label: 'All severities' },
            ...SEVERITIES.map((value) => ({ value, label: SEVERITY_LABELS[value] })),
          ]}
          onChange={(event) => update({ severity: event.target.value as AlertSeverity | '' })}
        />
        <SelectField
          label="What happened"
          name="source"
          value={search.source}
          options={[{ value: '', label: 'Anything' }, ...SOURCES.map((value) => ({ value, label: SOURCE_LABELS[value] }))]}
          onChange={(event) => update({ source: event.target.value as AlertSource | '' })}
        />
        {isFiltered && (
          <div className="list-filters__clear">
            <Button variant="quiet" onClick={clear}>
              Clear filters
            </Button>
          </div>
        )}
      </form>
      <div className="alerts__bar">
        <p className={`alerts__live alerts__live--${stream}`}>
          <span className="alerts__live-dot" aria-hidden="true" />
          {LIVE_TEXT[stream]}
        </p>
        <Button variant="quiet" isLoading={alerts.isRefetching && !alerts.isFetchingNextPage} onClick={() => void alerts.refetch()}>
          Refresh the list
        </Button>
      </div>
      <p role="status" className="alerts__status">
        {announcement}
      </p>
      <FormError error={acknowledge.error} />
      <div className="list-view__results" aria-busy={alerts.isFetching || undefined}>
        {content}
      </div>
      {resolving && (
        <ResolveAlertDialog
          alert={resolving}
          onClose={() => setResolving(null)}
          onResolved={(resolved) => {
            setResolving(null);
            setAnnouncement(`You resolved the alert for ${resolved.participant_preferred_name}.`);
          }}
        />
      )}
    </div>
  );
}

interface AlertRowProps {
  alert: Alert;
  isAcknowledging: boolean;
  onAcknowledge: () => void;
  onResolve: () => void;
}

function AlertRow({ alert, isAcknowledging, onAcknowledge, onResolve }: AlertRowProps) {
  const name = alert.participant_preferred_name;
  return (
    <tr role="row" className={`alerts-table__row alerts-table__row--${alert.status}`}>
      <th role="rowheader" scope="row" className="record-table__name">
        <Link to={`/participants/${alert.participant_id}`}>{name}</Link>
        {alert.assignee_user_id === null && <span className="record-table__sub">Sent to the supervisors</span>}
      </th>
      <td role="cell" data-label="Severity">
        <RiskBadge level={alert.severity} />
      </td>
      <td role="cell" data-label="What happened">
        {SOURCE_LABELS[alert.source]}
        {alert.escalated_at && (
          <span className="alert-escalated">
            <AlertIcon />
            Escalated to the supervisors <AlertTime iso={alert.escalated_at} />
          </span>
        )}
      </td>
      <td role="cell" data-label="Raised">
        <AlertTime iso={alert.created_at} />
      </td>
      <td role="cell" data-label="Status">
        <span className={`alert-status alert-status--${alert.status}`}>{STATUS_LABELS[alert.status]}</span>
        {alert.status === 'acknowledged' && alert.acknowledged_at && (
          <span className="record-table__sub">
            <AlertTime iso={alert.acknowledged_at} />
          </span>
        )}
        {alert.status === 'resolved' && alert.resolved_at && (
          <span className="record-table__sub">
            <AlertTime iso={alert.resolved_at} />
          </span>
        )}
        {alert.resolution_note && <p className="alert-note">{alert.resolution_note}</p>}
      </td>
      <td role="cell" className="record-table__actions alerts-table__actions">
        {alert.status === 'open' && (
          <Button isLoading={isAcknowledging} aria-label={`Acknowledge the alert for ${name}`} onClick={onAcknowledge}>
            Acknowledge
          </Button>
        )}
        {alert.status !== 'resolved' && (
          <Button variant="secondary" aria-label={`Resolve the alert for ${name}`} onClick={onResolve}>
            Resolve
          </Button>
        )}
      </td>
    </tr>
  );
}
