/** The demo region's agencies (Kuzbass): every agency a demo service or office names. */
export const demoAgencies: { code: string; name: { ru: string; en: string } }[] = (
  [
    ['archives', 'Архивное управление Кузбасса', 'Archives Department of Kuzbass'],
    ['city-administration', 'Администрация города Кемерово', 'Kemerovo City Administration'],
    ['civil-registry', 'Управление ЗАГС Кузбасса', 'Civil Registry Office of Kuzbass'],
    ['construction', 'Министерство строительства Кузбасса', 'Ministry of Construction of Kuzbass'],
    ['consumer-market', 'Департамент потребительского рынка', 'Consumer Market Department'],
    [
      'economic-development',
      'Министерство экономического развития Кузбасса',
      'Ministry of Economic Development of Kuzbass',
    ],
    ['education', 'Министерство образования Кузбасса', 'Ministry of Education of Kuzbass'],
    ['employment-service', 'Служба занятости населения Кузбасса', 'Employment Service of Kuzbass'],
    ['health', 'Министерство здравоохранения Кузбасса', 'Ministry of Health of Kuzbass'],
    [
      'heritage-protection',
      'Комитет по охране объектов культурного наследия',
      'Cultural Heritage Protection Committee',
    ],
    [
      'interior',
      'ГУ МВД России по Кемеровской области',
      'Ministry of the Interior, Kemerovo Region',
    ],
    [
      'medical-expertise',
      'Бюро медико-социальной экспертизы',
      'Bureau of Medical and Social Expertise',
    ],
    ['mfc', 'МФЦ Кузбасса', 'MFC of Kuzbass'],
    [
      'natural-resources',
      'Министерство природных ресурсов и экологии Кузбасса',
      'Ministry of Natural Resources and Ecology of Kuzbass',
    ],
    [
      'property-management',
      'Комитет по управлению государственным имуществом Кузбасса',
      'State Property Committee of Kuzbass',
    ],
    [
      'property-registry',
      'Управление Росреестра по Кемеровской области',
      'Property Registry, Kemerovo Region',
    ],
    [
      'rosgvardia',
      'Управление Росгвардии по Кемеровской области',
      'National Guard, Kemerovo Region',
    ],
    ['russian-post', 'Почта России, УФПС Кемеровской области', 'Russian Post, Kemerovo Region'],
    [
      'social-fund',
      'Отделение Социального фонда России по Кемеровской области',
      'Social Fund of Russia, Kemerovo Region',
    ],
    [
      'social-protection',
      'Министерство социальной защиты населения Кузбасса',
      'Ministry of Social Protection of Kuzbass',
    ],
    ['sport', 'Министерство спорта Кузбасса', 'Ministry of Sport of Kuzbass'],
    ['tax-service', 'УФНС России по Кемеровской области', 'Federal Tax Service, Kemerovo Region'],
    [
      'traffic-police',
      'Управление Госавтоинспекции по Кемеровской области',
      'Traffic Police, Kemerovo Region',
    ],
    ['transport', 'Министерство транспорта Кузбасса', 'Ministry of Transport of Kuzbass'],
  ] as const
).map(([code, ru, en]) => ({ code, name: { ru, en } }));
