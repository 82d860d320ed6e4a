import { z } from '@hono/zod-openapi';

/** The name in Russian and English, and in the region's own language where it has one. */
export const AgencyName = z
  .object({ ru: z.string().trim().min(1).max(300), en: z.string().trim().min(1).max(300) })
  .catchall(z.string().trim().min(1).max(300))
  .superRefine(
    (name, ctx) => {
      if (typeof name !== 'object' || name === null) return;
      for (const language of Object.keys(name)) {
        if (!/^[a-z]{2,3}$/.test(language)) {
          ctx.addIssue({ code: 'custom', path: [language], message: 'an ISO 639 language code' });
        }
      }
    },
    // Named with the other problems, not only once they are mended.
    { when: () => true },
  );

/** What the catalogue says of an agency: its name. */
export const AgencyContent = z.object({ name: AgencyName }).strict();
export type AgencyContent = z.output<typeof AgencyContent>;
