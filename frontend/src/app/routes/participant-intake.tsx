import { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';

import { PageHeader } from '@/components/ui/page-header';
import { IntakeForm } from '@/features/participants/components/intake-form';

export default function ParticipantIntakeRoute() {
  const navigate = useNavigate();
  const onEnrolled = useCallback((participantId: string) => navigate(`/participants/${participantId}`), [navigate]);
  return (
    <div className="intake-page">
      <PageHeader title="New participant" description="Take someone in, with their consent." />
      <IntakeForm onEnrolled={onEnrolled} />
    </div>
  );
}
