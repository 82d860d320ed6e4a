export { addDays, dateIn, isIsoDate, weekday, type IsoDate } from './iso-date';
export {
  CalendarYear,
  IanaTimeZone,
  ProductionCalendar,
  workingDays,
  type CalendarSummary,
  type ProductionCalendarInput,
  type WorkingDays,
} from './production-calendar';
export { russianFederalYears } from './russia';
export { statutoryDaysOff } from './statutory-holidays';
export {
  decreeWarnings,
  loadRegionCalendarFile,
  RegionCalendarFile,
  regionWorkingDays,
} from './region-calendar';
