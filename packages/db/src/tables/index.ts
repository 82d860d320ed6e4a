export { outboxTable, type OutboxTable } from './outbox';
export { processedEventsTable, type ProcessedEventsTable } from './processed-events';
export { idempotencyKeysTable, type IdempotencyKeysTable } from './idempotency-keys';
