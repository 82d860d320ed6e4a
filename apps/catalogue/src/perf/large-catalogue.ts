import { newId, type Executor } from '@okno/db';
import { services, serviceVersions } from '@okno/db/catalogue';
import { ServiceContent, type ServiceContentInput } from '../model/service-content';
import { versionColumns } from '../store/version-columns';

/** Kuzbass's municipalities, to multiply municipal and regional services realistically. */
const places = [
  ['Кемерово', 'Kemerovo'],
  ['Новокузнецк', 'Novokuznetsk'],
  ['Прокопьевск', 'Prokopyevsk'],
  ['Междуреченск', 'Mezhdurechensk'],
  ['Ленинск-Кузнецкий', 'Leninsk-Kuznetsky'],
  ['Киселёвск', 'Kiselyovsk'],
  ['Юрга', 'Yurga'],
  ['Белово', 'Belovo'],
  ['Анжеро-Судженск', 'Anzhero-Sudzhensk'],
  ['Берёзовский', 'Beryozovsky'],
  ['Мариинск', 'Mariinsk'],
  ['Таштагол', 'Tashtagol'],
  ['Осинники', 'Osinniki'],
  ['Полысаево', 'Polysayevo'],
  ['Мыски', 'Myski'],
  ['Калтан', 'Kaltan'],
  ['Тайга', 'Tayga'],
  ['Гурьевск', 'Guryevsk'],
  ['Топки', 'Topki'],
  ['Салаир', 'Salair'],
  ['Промышленная', 'Promyshlennaya'],
  ['Крапивинский', 'Krapivinsky'],
  ['Тисуль', 'Tisul'],
  ['Яя', 'Yaya'],
  ['Ижморский', 'Izhmorsky'],
  ['Чебула', 'Chebula'],
  ['Яшкино', 'Yashkino'],
  ['Тяжинский', 'Tyazhinsky'],
] as const;

/**
 * A catalogue of `size` published services for performance work: the demo services repeated
 * for each municipality (as a region's municipal services are), with the place in the title
 * and summary so that search has realistic, distinct text to rank.
 */
export function* largeCatalogue(
  base: readonly { code: string; content: ServiceContentInput }[],
  size: number,
): Generator<{ code: string; content: ServiceContent }> {
  for (let i = 0; i < size; i++) {
    const template = base[i % base.length]!;
    const round = Math.floor(i / base.length);
    const [ru, en] = places[round % places.length]!;
    const copy = Math.floor(round / places.length);
    const parsed = ServiceContent.parse(template.content);
    yield {
      code: `${template.code}-${round}`,
      content: {
        ...parsed,
        level: parsed.level === 'federal' ? 'municipal' : parsed.level,
        ...(parsed.level === 'federal' ? { federalCode: undefined } : {}),
        title: {
          ru: `${parsed.title.ru} (${ru}${copy ? `, ${copy}` : ''})`,
          en: `${parsed.title.en} (${en}${copy ? `, ${copy}` : ''})`,
        },
        summary: { ru: `${parsed.summary.ru} ${ru}.`, en: `${parsed.summary.en} ${en}.` },
      },
    };
  }
}

/** Writes services straight in as published version 1, in batches: minutes become seconds. */
export async function insertPublished(
  db: Executor,
  catalogue: Iterable<{ code: string; content: ServiceContent }>,
  batchSize = 250,
): Promise<number> {
  let count = 0;
  let batch: { code: string; content: ServiceContent }[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch.map((s) => ({
      id: newId(),
      code: s.code,
      agencyCode: s.content.agencyCode,
    }));
    await db.insert(services).values(rows);
    await db.insert(serviceVersions).values(
      batch.map((s, i) => ({
        id: newId(),
        serviceId: rows[i]!.id,
        serviceCode: s.code,
        version: 1,
        status: 'published' as const,
        createdBy: 'okno-bench',
        publishedBy: 'okno-bench',
        publishedAt: new Date(),
        ...versionColumns(s.content),
      })),
    );
    count += batch.length;
    batch = [];
  };
  for (const service of catalogue) {
    batch.push(service);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return count;
}
