import type { CalendarYear } from './production-calendar';

/**
 * The Russian Federation's production calendar as the government's decrees fixed it. A region
 * adds its own holidays (Tatarstan's Uraza Bayram, say) to its copy in the region's config;
 * each autumn's decree for the next year is added here (or in the region's config) before the
 * first deadline crosses into that year. Until then that year counts provisionally.
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
};
