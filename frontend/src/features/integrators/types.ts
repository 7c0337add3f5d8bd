import type { Schemas } from '@/lib/api-client';

export type IntegratorClient = Schemas['IntegratorClientRead'];
export type IntegratorClientCreate = Schemas['IntegratorClientCreate'];
/** The answer to a registration: the only one that carries the client secret. */
export type RegisteredClient = Schemas['IntegratorClientCreated'];
export type IntegratorScope = IntegratorClientCreate['scopes'][number];
