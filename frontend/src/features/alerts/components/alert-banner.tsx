import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';

import { Button } from '@/components/ui/button';
import { OctagonAlertIcon } from '@/components/ui/icons';

import { alertKeys } from '../api/query-keys';
import { openAlertStream } from '../alert-stream';
import type { Alert } from '../types';

import { describeAlert } from './alert-labels';

/**
 * For specialists and supervisors, on every page: holds the live alert stream, refreshes the
 * alert lists (and the caseload's risk) whenever it (re)connects or an alert arrives, and announces each new alert
 * ("New alert: José Ramírez — asked for help now") with a link to the alerts page.
 */
export function AlertBanner() {
  const queryClient = useQueryClient();
  // Newest first; gone once dismissed.
  const [notices, setNotices] = useState<Alert[]>([]);

  useEffect(
    () =>
      openAlertStream({
        onOpen: () => void queryClient.invalidateQueries({ queryKey: alertKeys.all() }),
        onAlert: (alert) => {
          setNotices((previous) => [
            alert,
            ...previous.filter((notice) => !(notice.id === alert.id && notice.escalated_at === alert.escalated_at)),
          ]);
          void queryClient.invalidateQueries({ queryKey: alertKeys.all() });
          // A high-risk check-in or screen changes the participant's risk on the caseload.
          void queryClient.invalidateQueries({ queryKey: ['caseload'] });
        },
      }),
    [queryClient],
  );

  const latest = notices[0];
  const more = notices.length - 1;
  return (
    // Always in the page, so screen readers announce what appears in it.
    <div className="alert-banner-slot" aria-live="assertive" aria-atomic="true">
      {latest && (
        <section className={`alert-banner alert-banner--${latest.severity}`} aria-label="New alert">
          <div className="alert-banner__bar">
            <OctagonAlertIcon className="alert-banner__icon" />
            <p className="alert-banner__message">
              <strong>{latest.escalated_at ? 'Escalated alert' : 'New alert'}:</strong>{' '}
              {latest.participant_preferred_name} — {describeAlert(latest)}
              {more > 0 && <span className="alert-banner__more"> (and {more === 1 ? '1 more new alert' : `${more} more new alerts`})</span>}
            </p>
            <div className="alert-banner__actions">
              <Link className="alert-banner__link" to="/alerts" onClick={() => setNotices([])}>
                Open the alerts
              </Link>
              <Button variant="quiet" className="alert-banner__dismiss" onClick={() => setNotices([])}>
                Dismiss <span className="visually-hidden">the new alert notice</span>
              </Button>
            </div>
          </div>
        </section>
      )}
    </div>
  );
}
