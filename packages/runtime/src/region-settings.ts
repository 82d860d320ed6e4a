import { loadRegionCalendarFile, regionWorkingDays } from '@okno/calendar';
import { ConfigError, isDevelopment } from '@okno/config';
import type { RegionSettings } from '@okno/http';
import type { NodeEnv } from './env';

/** The time zone of the development default region, RU-KEM (Kuzbass, UTC+7). */
const DEVELOPMENT_TIME_ZONE = 'Asia/Novokuznetsk';

/**
 * The region's settings: its code, and its production calendar in its time zone (the federal
 * decrees, and the region's own additions from OKNO_CALENDAR_FILE). Production must name the zone:
 * a wrong default would move every legal deadline silently.
 */
export function loadRegionSettings(env: NodeEnv): RegionSettings {
  const timeZone = env.OKNO_TIME_ZONE ?? (isDevelopment(env) ? DEVELOPMENT_TIME_ZONE : undefined);
  if (!timeZone) {
    throw new ConfigError(['OKNO_TIME_ZONE: is required in production (e.g. Asia/Novokuznetsk)']);
  }
  let file = {};
  if (env.OKNO_CALENDAR_FILE) {
    try {
      file = loadRegionCalendarFile(env.OKNO_CALENDAR_FILE);
    } catch (error) {
      throw new ConfigError([`OKNO_CALENDAR_FILE: ${(error as Error).message}`]);
    }
  }
  try {
    return { code: env.OKNO_REGION, calendar: regionWorkingDays(timeZone, file) };
  } catch {
    throw new ConfigError([`OKNO_TIME_ZONE: "${timeZone}" is not an IANA time zone`]);
  }
}
