import { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { accruals } from '@okno/db/payments';
import { createRouter, defineRoute, notFound } from '@okno/http';

const Uin = z
  .string()
  .regex(/^(\d{20}|\d{25})$/, 'a UIN is 20 or 25 digits')
  .openapi({ example: '18810142260000012345' });

const Accrual = z
  .object({
    uin: Uin,
    amountMinor: z.int().openapi({ description: 'Amount in minor units (kopecks).' }),
    currency: z.string().length(3),
    budgetCode: z.string().openapi({ description: 'Budget classification code (KBK).' }),
    purpose: z.string(),
    status: z.string(),
    dueDate: z.iso.date().nullable(),
  })
  .openapi('Accrual');

export function accrualRoutes() {
  return createRouter().openapi(
    defineRoute({
      method: 'get',
      path: '/accruals/{uin}',
      access: 'public',
      tags: ['payments'],
      summary: 'Look up what is owed by its accrual number (UIN), as a payer would',
      description: 'Shows the amount and purpose only; nothing about the payer.',
      request: { params: z.object({ uin: Uin }) },
      responses: {
        200: { description: 'The accrual.', content: { 'application/json': { schema: Accrual } } },
        404: { description: 'No accrual with this UIN.' },
      },
    }),
    async (c) => {
      const { uin } = c.req.valid('param');
      const [row] = await c.var.db.select().from(accruals).where(eq(accruals.uin, uin));
      if (!row) throw notFound(`There is no accrual with UIN ${uin}.`);
      return c.json(
        {
          uin: row.uin,
          amountMinor: row.amountMinor,
          currency: row.currency,
          budgetCode: row.budgetCode,
          purpose: row.purpose,
          status: row.status,
          dueDate: row.dueDate,
        },
        200,
      );
    },
  );
}
