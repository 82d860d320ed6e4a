import { newId, type Database } from '@okno/db';
import { agencies } from '@okno/db/catalogue';
import { ServiceContent } from './model/service-content';
import { demoServices } from './demo-catalogue';
import { demoAgencies } from './demo-catalogue/agencies';
import { demoOffices } from './demo-catalogue/offices';
import { OfficeContent } from './model/office';
import { saveOffice } from './store/office-store';
import { createService, findService, publishDraft } from './store/version-store';

const SEEDER = 'okno-demo-seed';

/**
 * The demo catalogue, published as version 1 of each service, with the demo agencies and
 * offices. Safe on every start: what exists (seeded before, or edited since) is left as it is.
 */
export async function seedCatalogueDemo(db: Database): Promise<void> {
  await seedDemoOffices(db);
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
}

/**
 * The demo agencies and offices alone (other services' tests publish the few services they
 * need).
 */
export async function seedDemoOffices(db: Database): Promise<void> {
  await seedDemoAgencies(db);
  for (const { code, content } of demoOffices) {
    await saveOffice(db, code, OfficeContent.parse(content));
  }
}

/** The demo agencies alone. */
export async function seedDemoAgencies(db: Database): Promise<void> {
  await db
    .insert(agencies)
    .values(demoAgencies.map((a) => ({ id: newId(), ...a })))
    .onConflictDoNothing();
}
