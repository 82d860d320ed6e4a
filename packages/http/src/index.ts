export type { AccessDenial, AccessDenialSink } from './access-denials';
export type { AppEnv } from './app-env';
export { requireAccess, requirePrincipal, requireRole, requireScope, type Access } from './access';
export { authenticate } from './authenticate';
export { createRootApp, type RootAppOptions } from './create-root-app';
export { inProcessCall } from './in-process-call';
export { admissionControl, type AdmissionLimits, type AdmissionStats } from './admission';
export {
  createServiceApp,
  type RegionSettings,
  type ServiceApp,
  type ServiceCaller,
  type ServiceDeps,
  type DocumentsSettings,
  type PaymentsSettings,
  type PeopleDirectorySettings,
  type ServiceInfo,
} from './create-service-app';
export { BEARER_SCHEME, defineRoute } from './define-route';
export { handleError, validationHook } from './error-handler';
export { handOver, type NativeRoute } from './native-route';
export { Code, DryRun, importBatch, MAX_BATCH_ITEMS } from './import-batch';
export { idempotent } from './idempotency';
export { IdempotencyKeyHeader } from './idempotency-header';
export { createLogger, type Logger } from './logger';
export { decodeCursor, encodeCursor, PageQuery, pageSchema, toPage } from './pagination';
export {
  conflict,
  forbidden,
  invalidFields,
  notFound,
  preconditionFailed,
  ProblemError,
  problemResponse,
  ProblemSchema,
  problemTypes,
  problemTypeUri,
  type FieldError,
  type ProblemType,
} from './problem';
export { cachedJson, etagOf, PublicCache, type CachedResponse } from './public-cache';
export { requestContext } from './request-context';
export { serveGracefully, type RunningServer, type ServeOptions } from './serve';
export { createRouter } from './create-router';
export type { EventSubscription, ScheduledJob, ServiceModule } from './service-module';
export { clientAddress, writeRateLimits, type RateLimits } from './rate-limits';
