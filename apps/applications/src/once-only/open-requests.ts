import type { Executor } from '@okno/db';
import type { ApplicationsContext } from '../applications-context';
import { legalBasisFor, registryDocuments } from '../model/registry-requests';
import type { ApplicationRow } from '../store/application-store';
import { applyStep, nodeActor } from '../store/apply-step';
import { insertRegistryRequests } from '../store/registry-request-store';

/**
 * At registration: one inter-agency request for every document of the service version that the
 * catalogue marks as obtained from a registry, and the application waits for their answers.
 * The registry exchange job sends them (outside this transaction: registries are slow).
 */
export async function openRegistryRequests(
  ctx: ApplicationsContext,
  tx: Executor,
  row: ApplicationRow,
): Promise<ApplicationRow> {
  // Read before the transaction opened (the step route's `before`): immutable, so cached.
  const version = ctx.catalogue.cachedVersion(row.serviceCode, row.serviceVersion);
  if (!version) throw new Error(`${row.serviceCode} v${row.serviceVersion} was not prefetched`);
  const documents = registryDocuments(version);
  if (documents.length === 0) return row;
  await insertRegistryRequests(tx, row.id, documents, legalBasisFor(version), ctx.now());
  const registries = [...new Set(documents.map((d) => d.registry))].join(', ');
  return applyStep(tx, row, 'await-registries', nodeActor, {}, `requests sent to ${registries}`);
}
