/**
 * The catalogue's controlled vocabularies: codes are stable (filters, URLs, open data), titles
 * are for people. A region may add services, not new codes; codes change with a migration.
 */
const titled = <const T extends Record<string, readonly [string, string]>>(entries: T) =>
  Object.fromEntries(Object.entries(entries).map(([code, [ru, en]]) => [code, { ru, en }])) as {
    [K in keyof T]: { ru: string; en: string };
  };

export const categories = titled({
  'family-and-children': ['Семья и дети', 'Family and children'],
  'civil-status': ['Гражданское состояние', 'Civil status'],
  'passports-and-identity': ['Паспорта и документы', 'Passports and identity'],
  'residence-and-migration': ['Регистрация и миграция', 'Residence and migration'],
  'social-support': ['Социальная поддержка', 'Social support'],
  pensions: ['Пенсии', 'Pensions'],
  health: ['Здоровье', 'Health'],
  education: ['Образование', 'Education'],
  'housing-and-utilities': ['Жильё и ЖКХ', 'Housing and utilities'],
  'land-and-construction': ['Земля и строительство', 'Land and construction'],
  'real-estate': ['Недвижимость', 'Real estate'],
  'business-and-trade': ['Бизнес и торговля', 'Business and trade'],
  'transport-and-vehicles': ['Транспорт и автомобили', 'Transport and vehicles'],
  'taxes-and-fines': ['Налоги и штрафы', 'Taxes and fines'],
  employment: ['Работа и занятость', 'Employment'],
  'culture-and-sport': ['Культура и спорт', 'Culture and sport'],
  'environment-and-nature': ['Природа и экология', 'Environment and nature'],
  'security-and-law': ['Безопасность и право', 'Security and law'],
});
export type CategoryCode = keyof typeof categories;

export const lifeSituations = titled({
  'birth-of-a-child': ['Рождение ребёнка', 'Birth of a child'],
  marriage: ['Вступление в брак', 'Getting married'],
  'moving-house': ['Переезд', 'Moving house'],
  'turning-14': ['Получение паспорта в 14 лет', 'Turning 14: the first passport'],
  'starting-school': ['Поступление в школу', 'Starting school'],
  retirement: ['Выход на пенсию', 'Retirement'],
  'starting-a-business': ['Открытие бизнеса', 'Starting a business'],
  'buying-a-home': ['Покупка жилья', 'Buying a home'],
  'building-a-house': ['Строительство дома', 'Building a house'],
  'buying-a-car': ['Покупка автомобиля', 'Buying a car'],
  'losing-a-job': ['Потеря работы', 'Losing a job'],
  disability: ['Инвалидность', 'Disability'],
  'death-of-a-relative': ['Смерть близкого', 'Death of a relative'],
  'large-family': ['Многодетная семья', 'Large family'],
  'travelling-abroad': ['Поездка за границу', 'Travelling abroad'],
});
export type LifeSituationCode = keyof typeof lifeSituations;

/** The doors an application comes through, and where a result can be collected. */
export const channels = ['portal', 'mfc', 'post', 'mobile'] as const;
export type Channel = (typeof channels)[number];

export const applicantTypes = ['citizen', 'business'] as const;
export type ApplicantType = (typeof applicantTypes)[number];

export const serviceLevels = ['federal', 'regional', 'municipal'] as const;
export type ServiceLevel = (typeof serviceLevels)[number];

/**
 * State registries an agency queries instead of asking the applicant (the once-only rule),
 * through the inter-agency exchange (SMEV).
 */
export const registries = titled({
  'civil-registry': ['ЕГР ЗАГС', 'Unified civil status register (EGR ZAGS)'],
  'pension-fund': ['Социальный фонд России', 'Social Fund of Russia'],
  'tax-service': ['ФНС России', 'Federal Tax Service'],
  'property-register': ['ЕГРН', 'Unified state real estate register (EGRN)'],
  'business-register': [
    'ЕГРЮЛ / ЕГРИП',
    'Unified state register of legal entities and entrepreneurs',
  ],
  'interior-ministry': ['МВД России', 'Ministry of the Interior'],
  'vehicle-register': ['Госавтоинспекция', 'Vehicle registration (State traffic inspectorate)'],
  'residence-register': ['Регистрационный учёт МВД', 'Residence registration records'],
  'social-register': ['ЕГИССО', 'Unified state social security information system'],
  'education-register': ['ФИС ФРДО', 'Federal register of education documents'],
  'disability-register': ['ФГИС ФРИ', 'Federal register of disabled persons'],
  'court-bailiffs': ['ФССП России', 'Federal Bailiff Service'],
});
export type RegistryCode = keyof typeof registries;
