import { PageHeader } from '@/components/ui/page-header';
import { CreateUserForm } from '@/features/users/components/create-user-form';
import { UsersList } from '@/features/users/components/users-list';

export default function AdminUsersRoute() {
  return (
    <>
      <PageHeader title="Users" description="Staff and participant accounts of your organisation." />
      <section className="page-part" aria-labelledby="users-accounts-heading">
        <h2 id="users-accounts-heading">Accounts</h2>
        <UsersList />
      </section>
      <section className="page-part" aria-labelledby="users-create-heading">
        <h2 id="users-create-heading">Create an account</h2>
        <CreateUserForm />
      </section>
    </>
  );
}
