import type { z } from 'zod';
import type { OfficeContent, ServiceContent } from '@okno/catalogue/content';
import type {
  AgenciesFile,
  CalendarFile,
  DemoPeopleFile,
  PackFile,
  RegionFile,
  StaffMember,
} from './pack-files';

/** A pack as read: a region's (with `region`) or the federal one (with `federal`). */
export interface RegionPack {
  /** The folder's name, for messages: `ru-tom`, `federal`. */
  name: string;
  region?: RegionFile;
  federal?: z.output<typeof PackFile>;
  agencies: z.output<typeof AgenciesFile>['agencies'];
  offices: ({ code: string } & z.output<typeof OfficeContent>)[];
  staff: StaffMember[];
  demoPeople: z.output<typeof DemoPeopleFile>['people'];
  calendar?: z.output<typeof CalendarFile>;
  services: { code: string; content: z.output<typeof ServiceContent> }[];
}
