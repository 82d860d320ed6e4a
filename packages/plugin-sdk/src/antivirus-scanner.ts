/**
 * The `documents.antivirus-scanner` extension point: every upload is scanned before it is
 * accepted, and a file that could not be scanned is not accepted either. The first-party
 * implementation talks to ClamAV's clamd (`@okno/plugin-antivirus-clamav`).
 */
export interface AntivirusScanner {
  /** Names the scanner in logs and on the document (`okno.clamav`). */
  readonly id: string;
  /**
   * Reads the whole content and says whether it is clean. Rejects when it could not scan
   * (the scanner is down, the content too large for it): the upload is then refused.
   */
  scan(content: AsyncIterable<Uint8Array>, options: { signal: AbortSignal }): Promise<ScanVerdict>;
}

export type ScanVerdict = { clean: true } | { clean: false; signature: string };
