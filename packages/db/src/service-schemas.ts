/**
 * The node's bounded contexts: one service, one schema, one audit chain, one login each.
 * Imported alone (`@okno/db/services`) by code that needs the names without a database.
 */
export const serviceSchemas = [
  'identity',
  'catalogue',
  'applications',
  'documents',
  'payments',
] as const;
export type ServiceSchema = (typeof serviceSchemas)[number];
