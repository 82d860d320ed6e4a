export {
  createEmptyPostgresDatabase,
  createTestDatabase,
  testDatabaseKind,
  testDatabaseUrl,
} from '@okno/db/testing';
