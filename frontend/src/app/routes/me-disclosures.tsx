import { PageHeader } from '@/components/ui/page-header';
import { MyDisclosures } from '@/features/disclosures/components/my-disclosures';

/** `/me/disclosures`: the participant's accounting of disclosures. */
export default function MyDisclosuresRoute() {
  return (
    <>
      <PageHeader
        title="My disclosures"
        description="Each time your information was shared outside the program: to whom, when, what and why."
      />
      <div className="access-log-intro">
        <p>
          A federal law (42 CFR Part 2) protects records about substance use. The program shares yours outside the program
          only when you have agreed to it in a signed consent, or in a medical emergency. Every time it happens, it is
          listed here.
        </p>
      </div>
      <MyDisclosures />
    </>
  );
}
