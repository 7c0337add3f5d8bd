import { PageHeader } from '@/components/ui/page-header';
import { SurveysDueView } from '@/features/outcomes/components/surveys-due-view';

/** `/surveys-due`: the outcome surveys the specialist's (or supervisor's) participants owe. */
export default function SurveysDueRoute() {
  return (
    <>
      <PageHeader
        title="Surveys due"
        description="Intake surveys in the first 30 days; six-month follow-ups from 30 days before they are due to 60 days after."
      />
      <SurveysDueView />
    </>
  );
}
