export { createPaymentsApp, paymentsInfo, paymentsService } from './app';
export { demoAccruals } from './demo-data';
