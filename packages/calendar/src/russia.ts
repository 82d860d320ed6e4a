import type { CalendarYear } from './production-calendar';

/**
 * The Russian Federation's production calendar as the government's decrees fixed it. A region
 * adds its own holidays (Tatarstan's Uraza Bayram, say) in its calendar file (additions); each
 * autumn's decree for the next year is added here (or, before an Okno release carries it, in
 * the region's calendar file as a federal year). Until then that year counts provisionally,
 * and from 1 October a node warns (decreeWarnings).
 */
export const russianFederalYears: Record<string, CalendarYear> = {
  '2025': {
    source: 'Постановление Правительства РФ от 04.10.2024 № 1335',
    // Jan 4 → May 2, Jan 5 → Dec 31, Feb 23 → May 8, Mar 8 → Jun 13, Nov 1 → Nov 3.
    daysOff: [
      '2025-01-01',
      '2025-01-02',
      '2025-01-03',
      '2025-01-06',
      '2025-01-07',
      '2025-01-08',
      '2025-05-01',
      '2025-05-02',
      '2025-05-08',
      '2025-05-09',
      '2025-06-12',
      '2025-06-13',
      '2025-11-03',
      '2025-11-04',
      '2025-12-31',
    ],
    workingWeekendDays: ['2025-11-01'],
  },
  '2026': {
    source: 'Постановление Правительства РФ от 24.09.2025 № 1466',
    // Jan 3 → Jan 9, Jan 4 → Dec 31; Mar 8 and May 9 fall on weekends, so Mar 9 and May 11.
    daysOff: [
      '2026-01-01',
      '2026-01-02',
      '2026-01-05',
      '2026-01-06',
      '2026-01-07',
      '2026-01-08',
      '2026-01-09',
      '2026-02-23',
      '2026-03-09',
      '2026-05-01',
      '2026-05-11',
      '2026-06-12',
      '2026-11-04',
      '2026-12-31',
    ],
    workingWeekendDays: [],
  },
  '2027': {
    // The decree's text as published in the legal reference system (document LAW_544706); the
    // days cross-checked against python-holidays 0.109's Russia, which cites the same text.
    source:
      'Постановление Правительства РФ «О переносе выходных дней в 2027 году» (КонсультантПлюс, LAW_544706)',
    // Sat Feb 20 → Mon Feb 22, Jan 2 → Nov 5, Jan 3 → Dec 31; May 1, May 9 and Jun 12 fall on
    // weekends, so May 3, May 10 and Jun 14 (Labour Code art. 112).
    daysOff: [
      '2027-01-01',
      '2027-01-04',
      '2027-01-05',
      '2027-01-06',
      '2027-01-07',
      '2027-01-08',
      '2027-02-22',
      '2027-02-23',
      '2027-03-08',
      '2027-05-03',
      '2027-05-10',
      '2027-06-14',
      '2027-11-04',
      '2027-11-05',
      '2027-12-31',
    ],
    workingWeekendDays: ['2027-02-20'],
  },
};
