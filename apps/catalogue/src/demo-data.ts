import type { Database } from '@okno/db';
import { ServiceContent } from './model/service-content';
import { demoServices } from './demo-catalogue';
import { demoOffices } from './demo-catalogue/offices';
import { OfficeContent } from './model/office';
import { saveOffice } from './store/office-store';
import { createService, findService, publishDraft } from './store/version-store';

const SEEDER = 'okno-demo-seed';

/**
 * The demo catalogue, published as version 1 of each service, and the demo offices. Safe on
 * every start: services that exist (seeded before, or edited since) are left as they are.
 */
export async function seedCatalogueDemo(db: Database): Promise<void> {
  for (const { code, content } of demoServices) {
    if (await findService(db, code)) continue;
    await db.transaction(async (tx) => {
      const { service, draft } = await createService(
        tx,
        code,
        ServiceContent.parse(content),
        SEEDER,
      );
      await publishDraft(tx, service, draft, SEEDER);
    });
  }
  await seedDemoOffices(db);
}

/** The demo offices alone (other services' tests publish the few services they need). */
export async function seedDemoOffices(db: Database): Promise<void> {
  for (const { code, content } of demoOffices) {
    await saveOffice(db, code, OfficeContent.parse(content));
  }
}
