import type { DocumentsSettings, ServiceCaller } from '@okno/http';
import type { AntivirusScanner } from '@okno/plugin-sdk';
import type { ObjectStorage } from '@okno/storage';

/** What the documents service's routes, jobs and subscriptions work with. */
export interface DocumentsContext {
  /** The region's code (RU-KEM): nobody reaches another region's documents. */
  region: string;
  storage: ObjectStorage;
  /** The first antivirus scanner plugin; null only where unscanned uploads are accepted. */
  scanner: AntivirusScanner | null;
  settings: DocumentsSettings;
  /** Asks the applications service whether the caller may attach to an application. */
  callService: ServiceCaller | undefined;
  now: () => Date;
}
