import { preconditionFailed } from '@okno/http';

/** Refuses (412) a change sent with the ETag of a revision that is no longer the current one. */
export function requireRevision(ifMatch: string | undefined, current: { revision: number }) {
  if (ifMatch !== undefined && ifMatch !== `"${current.revision}"`) {
    throw preconditionFailed('The application changed since you read it: read it again.');
  }
}
