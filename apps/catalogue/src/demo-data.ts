import type { Database } from '@okno/db';
import { services } from '@okno/db/catalogue';

/** A few of the region's services, so a fresh development node has something to show. */
const demoServices: (typeof services.$inferInsert)[] = [
  {
    id: '019a0000-0000-7000-8000-000000000101',
    code: 'school-enrolment',
    level: 'regional',
    federalCode: null,
    agencyCode: 'education',
    title: { ru: 'Запись в первый класс', en: 'First-grade school enrolment' },
  },
  {
    id: '019a0000-0000-7000-8000-000000000102',
    code: 'child-benefit',
    level: 'regional',
    federalCode: null,
    agencyCode: 'social-protection',
    title: { ru: 'Ежемесячное пособие на ребёнка', en: 'Monthly child benefit' },
  },
  {
    id: '019a0000-0000-7000-8000-000000000103',
    code: 'birth-registration',
    level: 'federal',
    federalCode: '10000000101',
    agencyCode: 'civil-registry',
    title: { ru: 'Государственная регистрация рождения', en: 'Registration of a birth' },
  },
  {
    id: '019a0000-0000-7000-8000-000000000104',
    code: 'residence-registration',
    level: 'federal',
    federalCode: '10000000354',
    agencyCode: 'interior',
    title: { ru: 'Регистрация по месту жительства', en: 'Registration of residence' },
  },
  {
    id: '019a0000-0000-7000-8000-000000000105',
    code: 'property-extract',
    level: 'federal',
    federalCode: '10000000271',
    agencyCode: 'property-registry',
    title: { ru: 'Выписка из ЕГРН', en: 'Extract from the real estate register' },
  },
  {
    id: '019a0000-0000-7000-8000-000000000106',
    code: 'trade-permit',
    level: 'municipal',
    federalCode: null,
    agencyCode: 'city-administration',
    title: { ru: 'Разрешение на нестационарную торговлю', en: 'Street trading permit' },
  },
];

export async function seedCatalogueDemo(db: Database): Promise<void> {
  await db.insert(services).values(demoServices).onConflictDoNothing();
}
