export * from './plugin';
export * from './extensions';
export * from './registry-connector';
export * from './antivirus-scanner';
export * from './payment-provider';
export * from './webhook-signature';
