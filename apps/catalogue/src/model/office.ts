import { z } from '@hono/zod-openapi';
import { channels } from './vocabulary';
import { Localized } from './service-content';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Opening hours by weekday: ranges such as 08:00–20:00; a missing day is closed. */
export const OpeningHours = z.partialRecord(
  z.enum(weekdays),
  z.array(z.object({ from: time, to: time }).strict()).min(1),
);

/** A stop of a mobile office on its route: where and when residents can apply. */
export const MobileVisit = z
  .object({
    settlement: Localized,
    address: Localized,
    date: z.iso.date(),
    from: time,
    to: time,
  })
  .strict();

/**
 * A self-service corner is a terminal (in a library, a village administration) where residents
 * apply on the portal with help at hand: it takes applications in and hands nothing out.
 */
export const officeKinds = [
  'mfc',
  'post-office',
  'agency-office',
  'mobile-office',
  'self-service',
] as const;

/** Where residents apply and collect results, as the catalogue publishes it. */
export const OfficeContent = z
  .object({
    kind: z.enum(officeKinds),
    agencyCode: z.string().min(1).max(80),
    name: Localized,
    address: Localized,
    /** WGS 84; a mobile office's base. */
    coordinates: z
      .object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) })
      .strict(),
    phone: z.string().max(40).optional(),
    openingHours: OpeningHours,
    /** Which channels this office is (a post office is the `post` channel, and so on). */
    channel: z.enum(channels),
    /** Services taken in here (codes); `all` for an MFC offering the whole catalogue. */
    services: z.union([z.literal('all'), z.array(z.string()).min(1)]),
    /**
     * Services whose results are handed out here, when not the same as those taken in: `[]`
     * for a self-service corner, a list for an office that hands out fewer or other ones.
     */
    handsOut: z.union([z.literal('all'), z.array(z.string())]).optional(),
    /** Mobile offices only: the published route. */
    route: z.array(MobileVisit).default([]),
  })
  .strict();
export type OfficeContent = z.output<typeof OfficeContent>;
export type OfficeContentInput = z.input<typeof OfficeContent>;

/** Whether the office hands out this service's results (by default, what it takes in). */
export function handsOut(office: OfficeContent, serviceCode: string): boolean {
  const list = office.handsOut ?? office.services;
  return list === 'all' || list.includes(serviceCode);
}
