export { httpTelemetry, routeTemplate } from './http-telemetry';
export { startTelemetry, type Telemetry, type TelemetryOptions } from './telemetry';
