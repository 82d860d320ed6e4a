import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ProblemError, problemTypes } from '@okno/http';
import type { UploadRefused } from './upload-inspector';

const statusOf: Record<UploadRefused['reason'], [ContentfulStatusCode, string]> = {
  empty: [422, 'Unprocessable Content'],
  'too-large': [413, 'Content Too Large'],
  'type-not-accepted': [415, 'Unsupported Media Type'],
  'type-mismatch': [415, 'Unsupported Media Type'],
  infected: [422, 'Unprocessable Content'],
  // The scanner is down or could not read it: the client may try again later.
  'not-scanned': [503, 'Service Unavailable'],
};

/** An upload refusal as problem+json, its `reason` a member clients can switch on. */
export function refusalProblem(refusal: UploadRefused): ProblemError {
  const [status, title] = statusOf[refusal.reason];
  return new ProblemError({
    status,
    type: problemTypes.uploadRefused,
    title,
    detail: refusal.message,
    extensions: { reason: refusal.reason },
  });
}
