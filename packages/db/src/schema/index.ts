// Every bounded context's tables, for drizzle-kit. Services import only their own context.
export * from './identity';
export * from './catalogue';
export * from './applications';
export * from './documents';
export * from './payments';
