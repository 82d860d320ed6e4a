export { createDb, type CreateDbOptions } from './create-db';
export { migrate, migrationsFolder, pendingMigrations } from './migrations';
export { newId } from './ids';
export { grantServiceLogins, serviceLoginGrants } from './service-logins';
export { serviceSchemas, type ServiceSchema } from './service-schemas';
export { queryRows } from './query-rows';
export type { Database, DatabaseHandle, DatabaseKind, Executor, Transaction } from './database';
export * from './tables';
export type { LocalizedText } from './schema/localized';
