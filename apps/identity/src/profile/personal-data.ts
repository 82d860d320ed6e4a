import { z } from '@hono/zod-openapi';
import { formatSnils, isValidSnils } from './snils';

const name = z.string().trim().min(1).max(100);

/** What a citizen tells the region about themselves. All of it is encrypted at rest. */
export const PersonalData = z
  .object({
    lastName: name,
    firstName: name,
    patronymic: name.optional(),
    birthDate: z.iso
      .date()
      .refine((d) => d >= '1900-01-01', 'must be after 1900-01-01')
      .refine((d) => d <= new Date().toISOString().slice(0, 10), 'must not be in the future'),
    snils: z
      .string()
      .refine(isValidSnils, 'must be a SNILS with a valid checksum, such as 112-233-445 95')
      .transform(formatSnils)
      .optional(),
    phone: z
      .string()
      .regex(/^\+[1-9]\d{7,14}$/, 'must be in international format, such as +79001234567')
      .optional(),
    email: z.email().max(254).optional(),
    address: z.string().trim().min(1).max(500).optional(),
  })
  .strict()
  .openapi('PersonalData');
export type PersonalData = z.output<typeof PersonalData>;
