import type { Schemas } from '@/lib/api-client';

export type Consent = Schemas['ConsentRead'];
export type ConsentCreate = Schemas['ConsentCreate'];
export type InformationCategory = NonNullable<ConsentCreate['information_categories']>[number];
