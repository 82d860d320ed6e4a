import type { Principal } from '@okno/auth';
import { actorOf, recordAudit } from '@okno/audit';
import type { Executor } from '@okno/db';
import { catalogueOutbox } from '@okno/db/catalogue';
import { enqueueEvent, enqueueEvents } from '@okno/events';
import {
  catalogueEventTypes,
  type OfficeSaved,
  type ServicePublished,
  type ServiceRetired,
} from '../model/catalogue-events';
import type { OfficeContent } from '../model/office';
import type { ServiceContent } from '../model/service-content';
import type { VersionRow } from './version-store';

/** Who made a change, for its audit entry; `import` marks a region pack's import. */
export interface Author {
  principal: Principal;
  requestId: string;
  import?: boolean;
}

/** Versions were published: the events the rest of the node acts on, and their audit entries. */
export async function announcePublished(
  tx: Executor,
  published: readonly { version: VersionRow; content: ServiceContent }[],
  author: Author,
): Promise<void> {
  await enqueueEvents<ServicePublished>(
    tx,
    catalogueOutbox,
    published.map(({ version: row, content }) => {
      const version = row.version ?? 0;
      return {
        type: catalogueEventTypes.servicePublished,
        payload: {
          serviceCode: row.serviceCode,
          versionId: row.id,
          version,
          supersedes: version > 1 ? version - 1 : null,
          level: content.level,
          federalCode: content.federalCode ?? null,
          agencyCode: content.agencyCode,
        },
      };
    }),
  );
  await recordAudit(
    tx,
    ...published.map(({ version: row }) => ({
      kind: 'catalogue-published' as const,
      ...actorOf(author.principal, author.requestId),
      target: row.serviceCode,
      details: { version: row.version ?? 0, ...(author.import && { import: true }) },
    })),
  );
}

/** A service was withdrawn: its event and audit entry. */
export async function announceRetired(
  tx: Executor,
  serviceCode: string,
  version: number,
  author: Author,
): Promise<void> {
  await enqueueEvent<ServiceRetired>(tx, catalogueOutbox, {
    type: catalogueEventTypes.serviceRetired,
    payload: { serviceCode, version },
  });
  await recordAudit(tx, {
    kind: 'catalogue-retired',
    ...actorOf(author.principal, author.requestId),
    target: serviceCode,
    details: { version, ...(author.import && { import: true }) },
  });
}

/** An office was described: its event and audit entry. */
export async function announceOfficeSaved(
  tx: Executor,
  code: string,
  content: OfficeContent,
  created: boolean,
  author: Author,
): Promise<void> {
  await enqueueEvent<OfficeSaved>(tx, catalogueOutbox, {
    type: catalogueEventTypes.officeSaved,
    payload: { officeCode: code, kind: content.kind, agencyCode: content.agencyCode, created },
  });
  await recordAudit(tx, {
    kind: 'catalogue-office-saved',
    ...actorOf(author.principal, author.requestId),
    target: code,
    details: { created, agencyCode: content.agencyCode, ...(author.import && { import: true }) },
  });
}
