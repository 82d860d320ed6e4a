import type { AntivirusScanner } from './antivirus-scanner';
import type { PaymentProvider } from './payment-provider';
import type { RegistryConnector } from './registry-connector';

/**
 * Every extension point a node offers, by id (`'<service>.<name>'`), and what implements it.
 * A vendor depends on this package only, never on a service.
 */
export interface ExtensionPoints {
  'applications.registry-connector': RegistryConnector;
  'documents.antivirus-scanner': AntivirusScanner;
  'payments.provider': PaymentProvider;
}
export type ExtensionPointId = keyof ExtensionPoints;

export interface Extension<P extends ExtensionPointId = ExtensionPointId> {
  readonly point: P;
  readonly implementation: ExtensionPoints[P];
}

/** A plugin package's default export. */
export interface Plugin {
  /** The npm package name, as listed in OKNO_PLUGINS. */
  readonly name: string;
  readonly version: string;
  readonly extensions: readonly Extension[];
  /** Makes things up (a demo registry, a bank simulator): a production node refuses it. */
  readonly developmentOnly?: boolean;
}

/** One extension, typed by its point. */
export const extend = <P extends ExtensionPointId>(
  point: P,
  implementation: ExtensionPoints[P],
): Extension<P> => ({ point, implementation });

/** Declares a plugin; the node checks the shape again when it loads one. */
export const definePlugin = (plugin: Plugin): Plugin => plugin;
