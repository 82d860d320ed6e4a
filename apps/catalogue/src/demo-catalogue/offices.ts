import type { OfficeContentInput } from '../model/office';

export interface DemoOffice {
  code: string;
  content: OfficeContentInput;
}

const weekdays = (from: string, to: string) =>
  Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ from, to }]]));
/** MFCs work six days, late on weekdays. */
const mfcHours = { ...weekdays('08:00', '20:00'), sat: [{ from: '09:00', to: '15:00' }] };
const postHours = { ...weekdays('08:00', '20:00'), sat: [{ from: '09:00', to: '18:00' }] };
const agencyHours = weekdays('09:00', '18:00');

/** What a post office accepts as an access point: services that need no in-person check. */
const postServices = [
  'egrn-extract',
  'property-rights-registration',
  'sole-trader-registration',
  'traffic-fines',
  'residence-registration',
  'yard-improvement-request',
  'archive-certificate',
  'unified-child-allowance',
];

function mfc(
  code: string,
  town: [string, string],
  address: [string, string],
  lat: number,
  lon: number,
): DemoOffice {
  return {
    code,
    content: {
      kind: 'mfc',
      agencyCode: 'mfc',
      name: { ru: `МФЦ, ${town[0]}`, en: `MFC, ${town[1]}` },
      address: { ru: address[0], en: address[1] },
      coordinates: { lat, lon },
      phone: '+73842000000',
      openingHours: mfcHours,
      channel: 'mfc',
      services: 'all',
    },
  };
}

function post(
  index: string,
  town: [string, string],
  address: [string, string],
  lat: number,
  lon: number,
): DemoOffice {
  return {
    code: `post-${index}`,
    content: {
      kind: 'post-office',
      agencyCode: 'russian-post',
      name: {
        ru: `Отделение почтовой связи ${index}, ${town[0]}`,
        en: `Post office ${index}, ${town[1]}`,
      },
      address: { ru: address[0], en: address[1] },
      coordinates: { lat, lon },
      openingHours: postHours,
      channel: 'post',
      services: postServices,
    },
  };
}

export const demoOffices: DemoOffice[] = [
  {
    ...mfc(
      'mfc-kemerovo-central',
      ['Кемерово, Центральный', 'Kemerovo Central'],
      ['г. Кемерово, пр. Советский, 56', '56 Sovetsky Ave, Kemerovo'],
      55.3547,
      86.0873,
    ),
  },
  mfc(
    'mfc-kemerovo-lenin',
    ['Кемерово, Ленинский район', 'Kemerovo, Leninsky district'],
    ['г. Кемерово, пр. Ленина, 124', '124 Lenin Ave, Kemerovo'],
    55.3342,
    86.1421,
  ),
  mfc(
    'mfc-novokuznetsk-central',
    ['Новокузнецк, Центральный', 'Novokuznetsk Central'],
    ['г. Новокузнецк, ул. Кирова, 71', '71 Kirov St, Novokuznetsk'],
    53.7572,
    87.1362,
  ),
  mfc(
    'mfc-novokuznetsk-zavodskoy',
    ['Новокузнецк, Заводской район', 'Novokuznetsk, Zavodskoy district'],
    ['г. Новокузнецк, ул. Тореза, 22', '22 Toreza St, Novokuznetsk'],
    53.7891,
    87.2432,
  ),
  mfc(
    'mfc-prokopyevsk',
    ['Прокопьевск', 'Prokopyevsk'],
    ['г. Прокопьевск, пр. Шахтёров, 29', '29 Shakhtyorov Ave, Prokopyevsk'],
    53.8826,
    86.7218,
  ),
  mfc(
    'mfc-mezhdurechensk',
    ['Междуреченск', 'Mezhdurechensk'],
    ['г. Междуреченск, пр. Строителей, 37', '37 Stroiteley Ave, Mezhdurechensk'],
    53.6865,
    88.0703,
  ),
  mfc(
    'mfc-leninsk-kuznetsky',
    ['Ленинск-Кузнецкий', 'Leninsk-Kuznetsky'],
    ['г. Ленинск-Кузнецкий, пр. Кирова, 56', '56 Kirov Ave, Leninsk-Kuznetsky'],
    54.6566,
    86.1737,
  ),
  mfc(
    'mfc-kiselyovsk',
    ['Киселёвск', 'Kiselyovsk'],
    ['г. Киселёвск, ул. Ленина, 30', '30 Lenin St, Kiselyovsk'],
    54.0059,
    86.6366,
  ),
  mfc(
    'mfc-yurga',
    ['Юрга', 'Yurga'],
    ['г. Юрга, ул. Московская, 39', '39 Moskovskaya St, Yurga'],
    55.7231,
    84.8859,
  ),
  mfc(
    'mfc-belovo',
    ['Белово', 'Belovo'],
    ['г. Белово, ул. Советская, 21', '21 Sovetskaya St, Belovo'],
    54.4221,
    86.3032,
  ),
  mfc(
    'mfc-anzhero-sudzhensk',
    ['Анжеро-Судженск', 'Anzhero-Sudzhensk'],
    ['г. Анжеро-Судженск, ул. Ленина, 6', '6 Lenin St, Anzhero-Sudzhensk'],
    56.0786,
    86.0201,
  ),
  mfc(
    'mfc-mariinsk',
    ['Мариинск', 'Mariinsk'],
    ['г. Мариинск, ул. Ленина, 40', '40 Lenin St, Mariinsk'],
    56.2115,
    87.7467,
  ),
  mfc(
    'mfc-tashtagol',
    ['Таштагол', 'Tashtagol'],
    ['г. Таштагол, ул. Ленина, 60', '60 Lenin St, Tashtagol'],
    52.7648,
    87.8896,
  ),
  post(
    '650000',
    ['Кемерово', 'Kemerovo'],
    ['г. Кемерово, ул. Кирова, 45', '45 Kirov St, Kemerovo'],
    55.3556,
    86.0864,
  ),
  post(
    '650099',
    ['Кемерово', 'Kemerovo'],
    ['г. Кемерово, ул. Весенняя, 12', '12 Vesennyaya St, Kemerovo'],
    55.3571,
    86.0764,
  ),
  post(
    '654000',
    ['Новокузнецк', 'Novokuznetsk'],
    ['г. Новокузнецк, ул. Кирова, 49', '49 Kirov St, Novokuznetsk'],
    53.7577,
    87.1338,
  ),
  post(
    '652870',
    ['Междуреченск', 'Mezhdurechensk'],
    ['г. Междуреченск, ул. Кузнецкая, 6', '6 Kuznetskaya St, Mezhdurechensk'],
    53.6912,
    88.0598,
  ),
  post(
    '652050',
    ['Юрга', 'Yurga'],
    ['г. Юрга, ул. Кирова, 10', '10 Kirov St, Yurga'],
    55.7186,
    84.8917,
  ),
  {
    code: 'social-kemerovo',
    content: {
      kind: 'agency-office',
      agencyCode: 'social-protection',
      name: {
        ru: 'Управление социальной защиты населения г. Кемерово',
        en: 'Social protection office, Kemerovo',
      },
      address: { ru: 'г. Кемерово, ул. Кузбасская, 6', en: '6 Kuzbasskaya St, Kemerovo' },
      coordinates: { lat: 55.3603, lon: 86.0823 },
      openingHours: agencyHours,
      channel: 'mfc',
      services: [
        'housing-subsidy',
        'utility-compensation-veterans',
        'labour-veteran-title',
        'low-income-status',
        'large-family-status',
      ],
    },
  },
  {
    code: 'zags-kemerovo',
    content: {
      kind: 'agency-office',
      agencyCode: 'civil-registry',
      name: { ru: 'Отдел ЗАГС г. Кемерово', en: 'Civil registry office, Kemerovo' },
      address: { ru: 'г. Кемерово, Притомская наб., 3', en: '3 Pritomskaya Embankment, Kemerovo' },
      coordinates: { lat: 55.3588, lon: 86.0706 },
      openingHours: agencyHours,
      channel: 'mfc',
      services: [
        'birth-registration',
        'marriage-registration',
        'divorce-registration',
        'death-registration',
        'name-change',
        'repeat-civil-certificate',
        'document-apostille',
      ],
    },
  },
  {
    code: 'gibdd-kemerovo',
    content: {
      kind: 'agency-office',
      agencyCode: 'traffic-police',
      name: {
        ru: 'Регистрационно-экзаменационный отдел Госавтоинспекции, Кемерово',
        en: 'Traffic police registration office, Kemerovo',
      },
      address: { ru: 'г. Кемерово, ул. Рекордная, 2', en: '2 Rekordnaya St, Kemerovo' },
      coordinates: { lat: 55.3929, lon: 86.1309 },
      openingHours: agencyHours,
      channel: 'mfc',
      services: ['vehicle-registration', 'driving-licence-replacement'],
    },
  },
  {
    code: 'mfc-mobile-1',
    content: {
      kind: 'mobile-office',
      agencyCode: 'mfc',
      name: { ru: 'Мобильный офис МФЦ № 1', en: 'MFC mobile office 1' },
      address: {
        ru: 'База: г. Кемерово, пр. Советский, 56',
        en: 'Base: 56 Sovetsky Ave, Kemerovo',
      },
      coordinates: { lat: 55.3547, lon: 86.0873 },
      openingHours: {},
      channel: 'mobile',
      services: [
        'internal-passport',
        'snils-registration',
        'old-age-pension',
        'unified-child-allowance',
        'egrn-extract',
        'residence-registration',
        'housing-subsidy',
        'traffic-fines',
      ],
      route: [
        [
          'Шерегеш',
          'Sheregesh',
          'ул. Гагарина, 6, администрация',
          '6 Gagarin St, administration',
          '2026-12-01',
        ],
        [
          'Усть-Кабырза',
          'Ust-Kabyrza',
          'ул. Ленина, 2, сельский клуб',
          '2 Lenin St, village club',
          '2026-12-03',
        ],
        [
          'Крапивинский',
          'Krapivinsky',
          'ул. Юбилейная, 15, администрация',
          '15 Yubileynaya St, administration',
          '2026-12-08',
        ],
        [
          'Тисуль',
          'Tisul',
          'ул. Ленина, 53, дом культуры',
          '53 Lenin St, house of culture',
          '2026-12-10',
        ],
        [
          'Ижморский',
          'Izhmorsky',
          'ул. Ленина, 22, администрация',
          '22 Lenin St, administration',
          '2026-12-15',
        ],
        [
          'Яя',
          'Yaya',
          'ул. Советская, 17, дом культуры',
          '17 Sovetskaya St, house of culture',
          '2026-12-17',
        ],
        ['Чебула', 'Chebula', 'ул. Мира, 8, сельсовет', '8 Mira St, village council', '2026-12-22'],
        [
          'Промышленная',
          'Promyshlennaya',
          'ул. Коммунистическая, 23а',
          '23a Kommunisticheskaya St',
          '2026-12-24',
        ],
        [
          'Шерегеш',
          'Sheregesh',
          'ул. Гагарина, 6, администрация',
          '6 Gagarin St, administration',
          '2027-01-12',
        ],
        [
          'Тисуль',
          'Tisul',
          'ул. Ленина, 53, дом культуры',
          '53 Lenin St, house of culture',
          '2027-01-14',
        ],
      ].map(([ru, en, addressRu, addressEn, date]) => ({
        settlement: { ru: ru!, en: en! },
        address: { ru: addressRu!, en: addressEn! },
        date: date!,
        from: '10:00',
        to: '16:00',
      })),
    },
  },
];
