export { createPaymentsApp, paymentsInfo, paymentsService } from './app';
