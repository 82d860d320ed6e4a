import { z } from '@hono/zod-openapi';
import { OfficeContent } from '../model/office';
import type { OfficeRow } from '../store/office-store';

export const Office = z
  .object({
    code: z.string(),
    content: OfficeContent,
    /** Set once the office has closed: it is no longer listed or chosen. */
    retiredAt: z.iso.datetime().optional(),
  })
  .openapi('Office');

export const toOffice = (row: OfficeRow): z.infer<typeof Office> => ({
  code: row.code,
  content: OfficeContent.parse(row.content),
  ...(row.retiredAt !== null && { retiredAt: row.retiredAt.toISOString() }),
});
