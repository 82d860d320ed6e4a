import type { ServiceContentInput } from '../model/service-content';
import type { RegistryCode } from '../model/vocabulary';

type Document = ServiceContentInput['documents'] extends (infer D)[] | undefined ? D : never;
type Fee = ServiceContentInput['fees'] extends (infer F)[] | undefined ? F : never;
type Form = ServiceContentInput['form'];

const t = (ru: string, en: string) => ({ ru, en });

/** A document the applicant brings. */
export const brings = (
  code: string,
  ru: string,
  en: string,
  originalRequired = false,
): Document => ({
  code,
  title: t(ru, en),
  source: { kind: 'applicant', originalRequired },
});

/** A document the agency obtains itself from a registry (the once-only rule). */
export const fromRegistry = (
  code: string,
  registry: RegistryCode,
  [ru, en]: [string, string],
  [dataRu, dataEn]: [string, string],
): Document => ({
  code,
  title: t(ru, en),
  source: { kind: 'registry', registry, data: t(dataRu, dataEn) },
});

export const docs = {
  passport: brings(
    'passport',
    'Паспорт гражданина Российской Федерации',
    'Internal passport of a citizen of Russia',
    true,
  ),
  photo: brings('photo', 'Личная фотография 35×45 мм', 'Personal photograph 35×45 mm'),
  application: brings('application', 'Заявление', 'Application form'),
  birthCertificate: brings(
    'birth-certificate',
    'Свидетельство о рождении',
    'Birth certificate',
    true,
  ),
  medicalBirth: brings(
    'medical-birth-certificate',
    'Медицинское свидетельство о рождении',
    'Medical certificate of birth',
    true,
  ),
  landPlan: brings(
    'land-plan',
    'Схема расположения земельного участка',
    'Layout plan of the land plot',
  ),
  projectDocs: brings('project-documents', 'Проектная документация', 'Design documentation'),
  vehicleTitle: brings(
    'vehicle-title',
    'Электронный паспорт транспортного средства',
    'Electronic vehicle title',
  ),
  insurance: brings('osago-policy', 'Полис ОСАГО', 'Compulsory motor insurance policy'),
  medicalCertificate: brings(
    'medical-certificate',
    'Медицинское заключение',
    'Medical certificate',
    true,
  ),
  leaseContract: brings(
    'lease-contract',
    'Договор найма или собственности на жильё',
    'Tenancy or ownership contract for the home',
  ),
  charter: brings('charter', 'Устав организации', 'Articles of association'),
  employmentRecord: brings(
    'employment-record',
    'Сведения о трудовой деятельности',
    'Employment record',
  ),
};

export const registryData = {
  birth: fromRegistry(
    'birth-record',
    'civil-registry',
    ['Сведения о рождении ребёнка', "Record of the child's birth"],
    ['Запись акта о рождении', 'Birth registration record'],
  ),
  marriage: fromRegistry(
    'marriage-record',
    'civil-registry',
    ['Сведения о браке', 'Record of marriage'],
    ['Запись акта о заключении брака', 'Marriage registration record'],
  ),
  income: fromRegistry(
    'income-data',
    'tax-service',
    ['Сведения о доходах семьи', 'Family income data'],
    ['Доходы за 12 месяцев', 'Income over the last 12 months'],
  ),
  pension: fromRegistry(
    'pension-data',
    'pension-fund',
    ['Сведения о пенсионных правах', 'Pension rights data'],
    ['Стаж и пенсионные коэффициенты', 'Insurance record and pension points'],
  ),
  snils: fromRegistry(
    'snils-data',
    'pension-fund',
    ['СНИЛС', 'SNILS (insurance number)'],
    ['Страховой номер индивидуального лицевого счёта', 'Individual insurance account number'],
  ),
  land: fromRegistry(
    'land-rights',
    'property-register',
    ['Выписка из ЕГРН о земельном участке', 'EGRN extract for the land plot'],
    ['Права на земельный участок', 'Rights to the land plot'],
  ),
  property: fromRegistry(
    'property-rights',
    'property-register',
    ['Выписка из ЕГРН о недвижимости', 'EGRN extract for the property'],
    ['Права на объект недвижимости', 'Rights to the property'],
  ),
  business: fromRegistry(
    'business-record',
    'business-register',
    ['Выписка из ЕГРЮЛ или ЕГРИП', 'Extract from the register of businesses'],
    ['Сведения о юридическом лице или ИП', 'Legal entity or sole trader record'],
  ),
  residence: fromRegistry(
    'residence-record',
    'residence-register',
    ['Сведения о регистрации по месту жительства', 'Residence registration record'],
    ['Адрес регистрации', 'Registered address'],
  ),
  vehicle: fromRegistry(
    'vehicle-record',
    'vehicle-register',
    ['Сведения о транспортном средстве', 'Vehicle record'],
    ['Регистрационные данные ТС', 'Vehicle registration data'],
  ),
  criminal: fromRegistry(
    'criminal-record',
    'interior-ministry',
    ['Сведения о судимости', 'Criminal record data'],
    ['Наличие судимости', 'Convictions, if any'],
  ),
  disability: fromRegistry(
    'disability-record',
    'disability-register',
    ['Сведения об инвалидности', 'Disability record'],
    ['Группа инвалидности', 'Disability group'],
  ),
  benefits: fromRegistry(
    'benefits-record',
    'social-register',
    ['Сведения о мерах соцподдержки', 'Social support record'],
    ['Назначенные выплаты', 'Benefits already paid'],
  ),
  education: fromRegistry(
    'education-record',
    'education-register',
    ['Сведения об образовании', 'Education record'],
    ['Документ об образовании', 'Education certificate'],
  ),
};

/** A state duty or fee in roubles, paid to a budget classification code. */
export const fee = (
  roubles: number,
  kbk: string,
  ru = 'Государственная пошлина',
  en = 'State duty',
  applicantType: Fee['applicantType'] = 'any',
): Fee => ({
  applicantType,
  amountMinor: Math.round(roubles * 100),
  kbk,
  title: t(ru, en),
});

type Field = [
  name: string,
  schema: Record<string, unknown>,
  ru: string,
  en: string,
  widget?: string | undefined,
  help?: [string, string],
];

export const fields = {
  fullName: [
    'fullName',
    { type: 'string', minLength: 3, maxLength: 200 },
    'Фамилия, имя, отчество',
    'Full name',
  ] as Field,
  birthDate: [
    'birthDate',
    { type: 'string', format: 'date' },
    'Дата рождения',
    'Date of birth',
    'date',
  ] as Field,
  phone: [
    'phone',
    { type: 'string', pattern: '^\\+7\\d{10}$' },
    'Телефон',
    'Phone',
    'phone',
    ['В формате +79001234567', 'As +79001234567'],
  ] as Field,
  email: ['email', { type: 'string', format: 'email' }, 'Электронная почта', 'E-mail'] as Field,
  address: [
    'address',
    { type: 'string', minLength: 5, maxLength: 500 },
    'Адрес',
    'Address',
    'textarea',
  ] as Field,
  childName: [
    'childName',
    { type: 'string', minLength: 2, maxLength: 200 },
    'ФИО ребёнка',
    "Child's full name",
  ] as Field,
  childBirthDate: [
    'childBirthDate',
    { type: 'string', format: 'date' },
    'Дата рождения ребёнка',
    "Child's date of birth",
    'date',
  ] as Field,
  cadastralNumber: [
    'cadastralNumber',
    { type: 'string', pattern: '^\\d{2}:\\d{2}:\\d{6,7}:\\d+$' },
    'Кадастровый номер',
    'Cadastral number',
    undefined,
    ['Например, 42:24:0101001:123', 'For example 42:24:0101001:123'],
  ] as Field,
  inn: [
    'inn',
    { type: 'string', pattern: '^(\\d{10}|\\d{12})$' },
    'ИНН',
    'Taxpayer number (INN)',
  ] as Field,
  vin: ['vin', { type: 'string', pattern: '^[A-HJ-NPR-Z0-9]{17}$' }, 'VIN', 'VIN'] as Field,
  comment: [
    'comment',
    { type: 'string', maxLength: 2000 },
    'Комментарий',
    'Comment',
    'textarea',
  ] as Field,
  reason: [
    'reason',
    { type: 'string', enum: ['age', 'loss', 'damage', 'name-change'] },
    'Основание',
    'Reason',
    'select',
  ] as Field,
};

/** A document upload field: the applicant attaches a scan of a document they bring. */
export const upload = (document: Document, ru: string, en: string): Field => [
  `${document.code.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}Scan`,
  { type: 'string', format: 'uri', 'x-okno-document': document.code },
  ru,
  en,
  'file',
];

/** An application form from its fields, in order; `required` names the mandatory ones. */
export function form(list: Field[], required: string[] = []): Form {
  return {
    schema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: Object.fromEntries(list.map(([name, schema]) => [name, schema])),
      required,
      additionalProperties: false,
    },
    ui: {
      order: list.map(([name]) => name),
      labels: Object.fromEntries(list.map(([name, , ru, en]) => [name, t(ru, en)])),
      widgets: Object.fromEntries(
        list.flatMap(([name, , , , widget]) => (widget ? [[name, widget]] : [])),
      ),
      help: Object.fromEntries(
        list.flatMap(([name, , , , , help]) => (help ? [[name, t(...help)]] : [])),
      ),
    },
  };
}

export interface DemoService {
  code: string;
  content: ServiceContentInput;
}

type Defaults = 'summary' | 'result' | 'requestChannels' | 'resultChannels' | 'applicantTypes';
type Spec = Omit<ServiceContentInput, Defaults | 'title'> &
  Partial<Pick<ServiceContentInput, 'requestChannels' | 'resultChannels' | 'applicantTypes'>> & {
    code: string;
    title: [string, string];
    summary?: [string, string];
    result?: [kind: string, ru: string, en: string];
  };

/** A demo service with the defaults most services share: citizens, every door. */
export function service(spec: Spec): DemoService {
  const { code, title, summary, result, ...rest } = spec;
  const [ru, en] = title;
  return {
    code,
    content: {
      applicantTypes: ['citizen'],
      requestChannels: ['portal', 'mfc', 'post', 'mobile'],
      resultChannels: ['portal', 'mfc'],
      ...rest,
      title: t(ru, en),
      summary: summary
        ? t(...summary)
        : t(
            `${ru}: кто может подать, какие документы нужны, сроки и стоимость.`,
            `${en}: who may apply, what documents are needed, how long it takes and what it costs.`,
          ),
      result: result
        ? { kind: result[0], title: t(result[1], result[2]) }
        : { kind: 'decision', title: t('Решение', 'Decision') },
    },
  };
}
