import { regionWorkingDays, type WorkingDays } from '@okno/calendar';

/**
 * A region as tests see it: Kuzbass's code and time zone, the federal production calendar.
 * (The shape of the service kit's RegionSettings, which this package cannot import: the kit's
 * own tests depend on this package.)
 */
export const testRegion = (code = 'RU-KEM'): { code: string; calendar: WorkingDays } => ({
  code,
  calendar: regionWorkingDays('Asia/Novokuznetsk'),
});
