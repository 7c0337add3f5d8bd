import { useState } from 'react';

import { PageHeader } from '@/components/ui/page-header';
import { UnsavedChangesDialog } from '@/components/unsaved-changes-dialog';
import { SpecialistsDirectory } from '@/features/specialists/components/specialists-directory';
import { useUnsavedChanges } from '@/hooks/use-unsaved-changes';

/** Admins and supervisors: `/specialists`, the peers' profiles that matching looks at. */
export default function SpecialistsRoute() {
  const [isDirty, setDirty] = useState(false);
  const unsaved = useUnsavedChanges(isDirty);
  return (
    <>
      <PageHeader
        title="Specialists"
        description="Each peer’s lived experience and capacity: matching suggests peers from these profiles."
      />
      <SpecialistsDirectory onDirtyChange={setDirty} />
      <UnsavedChangesDialog state={unsaved} />
    </>
  );
}
