import { weekdays, type OfficeContent } from './office';
import type { ServiceContent } from './service-content';

/**
 * The catalogue as open data: flat tables anyone can load into a spreadsheet or a register
 * (data.gov.ru and the federal register expect CSV with a header row and a passport saying
 * what each column means), plus the whole catalogue as JSON for machines.
 */

/** A published service as the open-data tables see it. */
export interface PublishedService {
  code: string;
  version: number;
  publishedAt: Date;
  content: ServiceContent;
}

type Row = Record<string, string | number | boolean | null>;

/** A column of an open-data table: its name in the header and what it holds. */
export interface Column {
  name: string;
  description: string;
}

const list = (values: readonly string[]) => values.join(';');
const rubles = (minor: number) => (minor / 100).toFixed(2);

export const serviceColumns: Column[] = [
  { name: 'code', description: "The service's code in this region's catalogue" },
  { name: 'version', description: 'The published version, 1, 2, ...' },
  { name: 'level', description: 'federal, regional or municipal' },
  { name: 'federal_code', description: 'The federal register code (federal services only)' },
  { name: 'agency_code', description: 'The responsible agency' },
  { name: 'title_ru', description: 'Title in Russian' },
  { name: 'title_en', description: 'Title in English' },
  { name: 'summary_ru', description: 'What the service is, in Russian' },
  { name: 'summary_en', description: 'What the service is, in English' },
  { name: 'categories', description: 'Category codes, separated by ";"' },
  { name: 'life_situations', description: 'Life-situation codes, separated by ";"' },
  { name: 'applicant_types', description: 'Who may apply: citizen, business' },
  { name: 'request_channels', description: 'Where to apply: portal, mfc, post, mobile-office' },
  { name: 'result_channels', description: 'Where the result can be collected' },
  { name: 'deadline_working_days', description: 'The legal deadline in working days' },
  { name: 'result_kind', description: 'The kind of document the service results in' },
  { name: 'result_title_ru', description: 'The result, in Russian' },
  { name: 'result_title_en', description: 'The result, in English' },
  { name: 'has_fee', description: 'true if a fee is charged (see fees.csv)' },
  { name: 'documents_from_applicant', description: 'How many documents the applicant brings' },
  {
    name: 'documents_from_registries',
    description: 'How many documents the agency obtains from state registries itself',
  },
  { name: 'published_at', description: 'When this version was published (ISO 8601, UTC)' },
];

export function serviceRow(s: PublishedService): Row {
  const c = s.content;
  const fromRegistries = c.documents.filter((d) => d.source.kind === 'registry').length;
  return {
    code: s.code,
    version: s.version,
    level: c.level,
    federal_code: c.federalCode ?? null,
    agency_code: c.agencyCode,
    title_ru: c.title.ru,
    title_en: c.title.en,
    summary_ru: c.summary.ru,
    summary_en: c.summary.en,
    categories: list(c.categories),
    life_situations: list(c.lifeSituations),
    applicant_types: list(c.applicantTypes),
    request_channels: list(c.requestChannels),
    result_channels: list(c.resultChannels),
    deadline_working_days: c.deadlineWorkingDays,
    result_kind: c.result.kind,
    result_title_ru: c.result.title.ru,
    result_title_en: c.result.title.en,
    has_fee: c.fees.length > 0,
    documents_from_applicant: c.documents.length - fromRegistries,
    documents_from_registries: fromRegistries,
    published_at: s.publishedAt.toISOString(),
  };
}

export const documentColumns: Column[] = [
  { name: 'service_code', description: 'The service (services.csv)' },
  { name: 'service_version', description: 'Its published version' },
  { name: 'document_code', description: "The document's code" },
  { name: 'title_ru', description: 'The document, in Russian' },
  { name: 'title_en', description: 'The document, in English' },
  {
    name: 'source',
    description: 'applicant (the applicant brings it) or registry (the agency obtains it)',
  },
  { name: 'original_required', description: 'true if the original must be shown' },
  { name: 'registry', description: 'The state registry the agency asks (source registry)' },
  { name: 'registry_data_ru', description: 'Which data it asks for, in Russian' },
  { name: 'registry_data_en', description: 'Which data it asks for, in English' },
];

export function documentRows(s: PublishedService): Row[] {
  return s.content.documents.map((d) => ({
    service_code: s.code,
    service_version: s.version,
    document_code: d.code,
    title_ru: d.title.ru,
    title_en: d.title.en,
    source: d.source.kind,
    original_required: d.source.kind === 'applicant' ? d.source.originalRequired : null,
    registry: d.source.kind === 'registry' ? d.source.registry : null,
    registry_data_ru: d.source.kind === 'registry' ? d.source.data.ru : null,
    registry_data_en: d.source.kind === 'registry' ? d.source.data.en : null,
  }));
}

export const feeColumns: Column[] = [
  { name: 'service_code', description: 'The service (services.csv)' },
  { name: 'service_version', description: 'Its published version' },
  { name: 'applicant_type', description: 'Who pays it: citizen, business or any' },
  { name: 'amount', description: 'The amount in roubles, two decimals' },
  { name: 'currency', description: 'RUB' },
  { name: 'kbk', description: 'The budget classification code (KBK) it is paid to' },
  { name: 'title_ru', description: 'What the fee is, in Russian' },
  { name: 'title_en', description: 'What the fee is, in English' },
];

export function feeRows(s: PublishedService): Row[] {
  return s.content.fees.map((f) => ({
    service_code: s.code,
    service_version: s.version,
    applicant_type: f.applicantType,
    amount: rubles(f.amountMinor),
    currency: f.currency,
    kbk: f.kbk,
    title_ru: f.title.ru,
    title_en: f.title.en,
  }));
}

export const officeColumns: Column[] = [
  { name: 'code', description: "The office's code" },
  { name: 'kind', description: 'mfc, post-office, agency-office, mobile-office or self-service' },
  { name: 'agency_code', description: 'The agency the office belongs to' },
  { name: 'channel', description: 'The channel it serves: mfc, post, mobile-office, ...' },
  { name: 'name_ru', description: 'Name in Russian' },
  { name: 'name_en', description: 'Name in English' },
  { name: 'address_ru', description: 'Address in Russian (a mobile office: its base)' },
  { name: 'address_en', description: 'Address in English' },
  { name: 'latitude', description: 'WGS 84' },
  { name: 'longitude', description: 'WGS 84' },
  { name: 'phone', description: 'Telephone' },
  { name: 'opening_hours', description: 'e.g. "mon 08:00-20:00; sat 09:00-14:00"' },
  { name: 'services', description: 'Service codes offered, separated by ";", or "all"' },
  { name: 'route_stops', description: 'Mobile offices: how many visits the route has' },
];

export function officeRow(code: string, o: OfficeContent): Row {
  // In weekday order: the stored JSON keeps its keys sorted by name.
  const hours = weekdays.flatMap((day) => {
    const ranges = o.openingHours[day];
    return ranges ? [`${day} ${ranges.map((r) => `${r.from}-${r.to}`).join(',')}`] : [];
  });
  return {
    code,
    kind: o.kind,
    agency_code: o.agencyCode,
    channel: o.channel,
    name_ru: o.name.ru,
    name_en: o.name.en,
    address_ru: o.address.ru,
    address_en: o.address.en,
    latitude: o.coordinates.lat,
    longitude: o.coordinates.lon,
    phone: o.phone ?? null,
    opening_hours: hours.join('; '),
    services: o.services === 'all' ? 'all' : list(o.services),
    route_stops: o.route.length,
  };
}
