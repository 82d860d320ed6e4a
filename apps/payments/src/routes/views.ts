import { z } from '@hono/zod-openapi';
import { paymentStatuses } from '@okno/db/payments';
import { accrualStatus } from '../model/payment-status';
import type { AccrualRow } from '../store/accrual-store';
import type { PaymentRow } from '../store/payment-store';

export const Uin = z
  .string()
  .regex(/^(\d{20}|\d{25})$/, 'a UIN is 20 or 25 digits')
  .openapi({ example: '1004220000010000000000427' });

const Money = z.int().openapi({ description: 'Kopecks (minor units), never a fraction.' });

export const Accrual = z
  .object({
    uin: Uin,
    amountMinor: Money,
    paidMinor: Money.openapi({ description: 'What has reached the budget, less refunds.' }),
    currency: z.string().length(3),
    budgetCode: z.string().openapi({ description: 'Budget classification code (KBK).' }),
    purpose: z.string(),
    status: z.enum(['unpaid', 'partly-paid', 'paid']),
    dueDate: z.iso.date().nullable(),
  })
  .openapi('Accrual');

/** What anyone holding the UIN may see: what is owed and for what, nothing about the payer. */
export const toAccrualView = (a: AccrualRow): z.infer<typeof Accrual> => ({
  uin: a.uin,
  amountMinor: a.amountMinor,
  paidMinor: a.paidMinor,
  currency: a.currency,
  budgetCode: a.budgetCode,
  purpose: a.purpose,
  status: accrualStatus(a),
  dueDate: a.dueDate,
});

export const Payment = z
  .object({
    id: z.uuid(),
    uin: Uin,
    provider: z.string(),
    amountMinor: Money,
    refundedMinor: Money,
    currency: z.string().length(3),
    status: z.enum(paymentStatuses),
    reference: z.string().nullable(),
    redirectUrl: z.string().nullable().openapi({ description: 'Where the payer pays.' }),
    officeCode: z.string().nullable(),
    createdAt: z.iso.datetime(),
    paidAt: z.iso.datetime().nullable(),
  })
  .openapi('Payment', {
    description:
      'A payment of an accrual. Paid, it is the receipt: UIN, amount, provider reference, time.',
  });

export const toPaymentView = (p: PaymentRow): z.infer<typeof Payment> => ({
  id: p.id,
  uin: p.uin,
  provider: p.provider,
  amountMinor: p.amountMinor,
  refundedMinor: p.refundedMinor,
  currency: p.currency,
  status: p.status,
  reference: p.reference,
  redirectUrl: p.status === 'pending' ? p.redirectUrl : null,
  officeCode: p.officeCode,
  createdAt: p.createdAt.toISOString(),
  paidAt: p.paidAt?.toISOString() ?? null,
});
