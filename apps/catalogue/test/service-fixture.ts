import type { ServiceContentInput } from '../src/model/service-content';

/** A valid, publishable service of an agency; tests change what they are about. */
export function serviceContent(
  agencyCode: string,
  title: { ru: string; en: string },
  overrides: Partial<ServiceContentInput> = {},
): ServiceContentInput {
  return {
    level: 'regional',
    agencyCode,
    title,
    summary: { ru: `${title.ru}: порядок получения.`, en: `${title.en}: how to get it.` },
    categories: ['social-support'],
    applicantTypes: ['citizen'],
    requestChannels: ['portal', 'mfc'],
    resultChannels: ['portal', 'mfc'],
    documents: [
      {
        code: 'identity-document',
        title: { ru: 'Паспорт заявителя', en: "Applicant's passport" },
        source: { kind: 'applicant', originalRequired: true },
      },
      {
        code: 'income-data',
        title: { ru: 'Сведения о доходах', en: 'Income data' },
        source: {
          kind: 'registry',
          registry: 'tax-service',
          data: { ru: 'Доходы за 12 месяцев', en: 'Income over 12 months' },
        },
      },
    ],
    deadlineWorkingDays: 10,
    result: { kind: 'decision', title: { ru: 'Решение', en: 'Decision' } },
    form: {
      schema: {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        properties: {
          fullName: { type: 'string', minLength: 1 },
          passportScan: { type: 'string', format: 'uri', 'x-okno-document': 'identity-document' },
        },
        required: ['fullName'],
        additionalProperties: false,
      },
      ui: {
        order: ['fullName', 'passportScan'],
        labels: {
          fullName: { ru: 'ФИО', en: 'Full name' },
          passportScan: { ru: 'Скан паспорта', en: 'Passport scan' },
        },
      },
    },
    ...overrides,
  };
}

/** An agency's own office, open on Mondays, offering the whole catalogue. */
export function officeContent(agencyCode: string) {
  return {
    kind: 'agency-office',
    channel: 'portal',
    agencyCode,
    name: { ru: 'Приёмная', en: 'Reception' },
    address: { ru: 'Томск, пр. Ленина, 1', en: '1 Lenina Ave, Tomsk' },
    coordinates: { lat: 56.48, lon: 84.95 },
    openingHours: { mon: [{ from: '09:00', to: '18:00' }] },
    services: 'all',
  };
}
