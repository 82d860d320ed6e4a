import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@okno/testing';
import { demoServices } from '../src/demo-catalogue';
import { demoOffices } from '../src/demo-catalogue/offices';
import { OfficeContent } from '../src/model/office';
import { insertPublished, largeCatalogue } from '../src/perf/large-catalogue';
import { saveOffice } from '../src/store/office-store';
import { catalogueHarness, editorOf, type CatalogueHarness } from './catalogue-harness';
import { serviceContent } from './service-fixture';

let h: CatalogueHarness;

const fee = {
  applicantType: 'citizen',
  amountMinor: 350_050,
  kbk: '18810807141011000110',
  title: { ru: 'Государственная пошлина', en: 'State duty' },
} as const;

async function publish(code: string, content: ReturnType<typeof serviceContent>) {
  const editor = editorOf(content.agencyCode);
  const created = await h.as(editor, 'POST', '/services', { code, content });
  if (created.status === 409) {
    expect((await h.as(editor, 'PUT', `/services/${code}/draft`, content)).status).toBe(200);
  } else {
    expect(created.status, await created.clone().text()).toBe(201);
  }
  const published = await h.as(editor, 'POST', `/services/${code}/draft/publish`);
  expect(published.status, await published.clone().text()).toBe(200);
}

const csvOf = async (res: Response) =>
  parse<Record<string, string>>(await res.text(), { columns: true });

beforeAll(async () => {
  h = await catalogueHarness();
  await publish(
    'driving-licence',
    serviceContent(
      'interior',
      { ru: 'Выдача водительского удостоверения', en: 'Driving licence' },
      {
        summary: { ru: 'Права, "категории" A, B; замена', en: 'A licence, "categories" A, B' },
        fees: [fee],
      },
    ),
  );
  await publish(
    'formula-test',
    serviceContent('social-protection', { ru: '=HYPERLINK("http://x")', en: '+1 service' }),
  );
  for (const office of demoOffices.slice(0, 3)) {
    await saveOffice(h.handle.db, office.code, OfficeContent.parse(office.content));
  }
});
afterAll(() => h.close());

describe(`open data on ${testDatabaseKind}`, () => {
  it('describes each dataset: records, columns, licence and where to get it', async () => {
    const res = await h.app.request('http://okno.test/open-data');
    expect(res.status).toBe(200);
    const { datasets } = (await res.json()) as {
      datasets: { id: string; records: number; formats: { url: string }[]; columns: unknown[] }[];
    };
    expect(datasets.map((d) => [d.id, d.records])).toEqual([
      ['services', 2],
      ['documents', 2],
      ['fees', 2],
      ['offices', 3],
    ]);
    const services = datasets[0]!;
    expect(services.formats.map((f) => f.url)).toEqual([
      'http://okno.test/open-data/services.csv',
      'http://okno.test/open-data/services.json',
    ]);
    expect(services.columns.length).toBeGreaterThan(10);
  });

  it('exports services as CSV a spreadsheet reads safely', async () => {
    const res = await h.app.request('/open-data/services.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toContain('services.csv');
    const rows = await csvOf(res);
    expect(rows.map((r) => r.code)).toEqual(['driving-licence', 'formula-test']);
    const licence = rows[0]!;
    expect(licence).toMatchObject({
      version: '1',
      agency_code: 'interior',
      title_en: 'Driving licence',
      summary_ru: 'Права, "категории" A, B; замена',
      request_channels: 'portal;mfc',
      has_fee: 'true',
      documents_from_applicant: '1',
      documents_from_registries: '1',
    });
    expect(new Date(licence.published_at!).getTime()).not.toBeNaN();
    // A cell starting with = or + would run as a formula in a spreadsheet.
    expect(rows[1]).toMatchObject({ title_ru: `'=HYPERLINK("http://x")`, title_en: "'+1 service" });
  });

  it('exports documents with where each comes from, and fees with their budget code', async () => {
    const documents = await csvOf(await h.app.request('/open-data/documents.csv'));
    const licenceDocs = documents.filter((d) => d.service_code === 'driving-licence');
    expect(licenceDocs).toEqual([
      expect.objectContaining({ source: 'applicant', original_required: 'true', registry: '' }),
      expect.objectContaining({
        source: 'registry',
        registry: 'tax-service',
        registry_data_en: 'Income over 12 months',
      }),
    ]);
    const fees = await csvOf(await h.app.request('/open-data/fees.csv'));
    expect(fees).toEqual([
      {
        service_code: 'driving-licence',
        service_version: '1',
        applicant_type: 'citizen',
        amount: '3500.50',
        currency: 'RUB',
        kbk: fee.kbk,
        title_ru: fee.title.ru,
        title_en: fee.title.en,
      },
    ]);
  });

  it('exports offices with coordinates and hours', async () => {
    const offices = await csvOf(await h.app.request('/open-data/offices.csv'));
    const first = demoOffices
      .slice(0, 3)
      .map((o) => o.code)
      .sort()[0]!;
    const source = OfficeContent.parse(demoOffices.find((o) => o.code === first)!.content);
    expect(offices[0]).toMatchObject({
      code: first,
      name_ru: source.name.ru,
      latitude: String(source.coordinates.lat),
      longitude: String(source.coordinates.lon),
    });
    expect(offices[0]!.opening_hours).toMatch(/^mon \d\d:\d\d-\d\d:\d\d/);
  });

  it('exports the whole catalogue as JSON, each service as its page shows it', async () => {
    const res = await h.app.request('/open-data/services.json');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      modified: string;
      services: { code: string; version: number; content: unknown }[];
    };
    expect(body.services.map((s) => s.code)).toEqual(['driving-licence', 'formula-test']);
    const page = (await (await h.app.request('/services/driving-licence')).json()) as {
      content: unknown;
    };
    expect(body.services[0]!.content).toEqual(page.content);
  });

  it('compresses downloads for clients that accept gzip', async () => {
    const plain = await (await h.app.request('/open-data/services.json')).text();
    const res = await h.app.request('/open-data/services.json', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(plain);
  });

  it('answers 304 until the catalogue changes, then exports the new version', async () => {
    const first = await h.app.request('/open-data/services.csv');
    const etag = first.headers.get('etag')!;
    expect(first.headers.get('last-modified')).toBeTruthy();
    const again = await h.app.request('/open-data/services.csv', {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);

    await publish(
      'driving-licence',
      serviceContent('interior', { ru: 'Водительское удостоверение', en: 'Driving licence' }),
    );
    const changed = await h.app.request('/open-data/services.csv', {
      headers: { 'if-none-match': etag },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    const rows = await csvOf(changed);
    expect(rows[0]).toMatchObject({ code: 'driving-licence', version: '2', has_fee: 'false' });
  });

  it('refuses a file it does not publish with a problem naming the choices', async () => {
    const res = await h.app.request('/open-data/secrets.csv');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.text()).toContain('services.csv');
  });
});

describe(`open data of a large catalogue on ${testDatabaseKind}`, () => {
  let big: CatalogueHarness;
  const size = 1_201; // more than two of the export's batches of 500

  beforeAll(async () => {
    big = await catalogueHarness();
    await insertPublished(big.handle.db, largeCatalogue(demoServices, size));
  });
  afterAll(() => big.close());

  it('streams every service exactly once, the same in both formats', async () => {
    const rows = await csvOf(await big.app.request('/open-data/services.csv'));
    const codes = rows.map((r) => r.code!);
    expect(codes.length).toBe(size);
    expect(new Set(codes).size).toBe(size);
    const json = (await (await big.app.request('/open-data/services.json')).json()) as {
      services: { code: string }[];
    };
    expect(json.services.map((s) => s.code)).toEqual(codes);
  });
});
