import type { Database } from '@okno/db';
import { agencies } from '@okno/db/identity';

const demoAgencies: (typeof agencies.$inferInsert)[] = [
  ['civil-registry', 'Управление ЗАГС', 'Civil Registry Office'],
  ['city-administration', 'Администрация города', 'City Administration'],
  ['education', 'Министерство образования', 'Ministry of Education'],
  ['interior', 'Управление МВД', 'Ministry of the Interior, regional office'],
  ['property-registry', 'Управление Росреестра', 'Property Registry, regional office'],
  ['social-protection', 'Министерство социальной защиты', 'Ministry of Social Protection'],
].map(([code, ru, en], index) => ({
  id: `019a0000-0000-7000-8000-0000000000${String(index + 1).padStart(2, '0')}`,
  code: code!,
  name: { ru: ru!, en: en! },
}));

export async function seedIdentityDemo(db: Database): Promise<void> {
  await db.insert(agencies).values(demoAgencies).onConflictDoNothing();
}
