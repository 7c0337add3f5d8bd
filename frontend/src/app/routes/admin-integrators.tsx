import { PageHeader } from '@/components/ui/page-header';
import { IntegratorClientsList } from '@/features/integrators/components/integrator-clients-list';
import { RegisterClientForm } from '@/features/integrators/components/register-client-form';

/** Admins: `/admin/integrators`, the clients that pull consented outcome data through the API. */
export default function AdminIntegratorsRoute() {
  return (
    <>
      <PageHeader
        title="Integrators"
        description="Funders, state systems, EHRs and researchers that pull consented, pseudonymous outcome data."
      />
      <section className="page-part" aria-labelledby="integrators-clients-heading">
        <h2 id="integrators-clients-heading">Clients</h2>
        <IntegratorClientsList />
      </section>
      <section className="page-part" aria-labelledby="integrators-register-heading">
        <h2 id="integrators-register-heading">Register a client</h2>
        <p className="section-intro">
          A client receives data only about participants who sign a disclosure consent naming it. Its secret is shown
          once, when you register it.
        </p>
        <RegisterClientForm />
      </section>
    </>
  );
}
