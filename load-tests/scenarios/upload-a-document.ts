import { check } from 'k6';
import http from 'k6/http';
import type { Options } from 'k6/options';
import { createDraft } from '../lib/applications.ts';
import { bearer, personToken } from '../lib/auth.ts';
import { baseUrl } from '../lib/config.ts';
import { freshKey } from '../lib/keys.ts';
import { getAs, postJson } from '../lib/requests.ts';
import { arrivals } from '../lib/scenario.ts';
import { thresholdsFor } from '../lib/thresholds.ts';

/**
 * A citizen scans a certificate into their wallet and attaches it to a draft: the upload is
 * streamed, typed by its content, scanned (when a scanner is configured) and stored.
 */
export const options: Options = {
  scenarios: { upload: arrivals({ rate: 20, seconds: 60 }) },
  thresholds: thresholdsFor(['upload'], { p95: 500, p99: 1000 }),
};

export function setup() {
  return { citizen: personToken('citizen1') };
}

/** A small, valid, different PDF each time (the same bytes twice are one document). */
function scannedCertificate(): string {
  const text = `Справка ${freshKey('pdf')}`;
  return `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`;
}

export default function upload({ citizen }: { citizen: string }) {
  const uploaded = http.post(
    `${baseUrl}/api/documents/documents?title=${encodeURIComponent('Справка с места жительства')}`,
    scannedCertificate(),
    {
      headers: { ...bearer(citizen), 'Content-Type': 'application/pdf' },
      tags: { name: 'upload' },
    },
  );
  if (!check(uploaded, { 'the document is stored': (r) => r.status === 201 })) return;
  const draft = createDraft(
    citizen,
    'large-family-status',
    { fullName: 'Анна Петрова' },
    freshKey('draft'),
  );
  if (!check(draft, { 'the draft is saved': (r) => r.status === 201 })) return;
  const attached = postJson(
    `${baseUrl}/api/documents/applications/${draft.json('id') as string}/attachments`,
    { documentId: uploaded.json('id'), purpose: 'residence-certificate' },
    citizen,
    { name: 'attach' },
  );
  check(attached, { 'it is attached to the draft': (r) => r.status === 201 });
  const wallet = getAs(`${baseUrl}/api/documents/documents?limit=5`, citizen, 'wallet');
  check(wallet, { 'the wallet lists it': (r) => r.status === 200 });
}
