import type { Answer, PatientClient } from './patient-client';

/** What the node acknowledged during a crash run, to be found in the database afterwards. */
export interface Acknowledged {
  /** Draft id → the Idempotency-Key it was created with. */
  drafts: Map<string, string>;
  /** Application id → the number its submission was acknowledged with. */
  submitted: Map<string, string>;
  /** Payment id → the application whose fee it paid (a 303 from the bank, a 201 for cash). */
  payments: Map<string, string>;
  /** How long each applicant waited, after submitting, for the fee to be payable (ms). */
  feeWaits: number[];
}

export const emptyAcknowledged = (): Acknowledged => ({
  drafts: new Map(),
  submitted: new Map(),
  payments: new Map(),
  feeWaits: [],
});

export interface People {
  citizen: () => Promise<string>;
  /** Reads the fees of any application (an auditor). */
  auditor: () => Promise<string>;
  /** The post operator's system, which posts cash taken at its counters. */
  post: () => Promise<string>;
}

const SERVICE = 'marriage-registration';

/**
 * One applicant's whole way through the node: a draft, its submission (which makes payments
 * create the fee's accrual from an event), then the fee paid, by card on the bank simulator
 * or in cash at a post office. Every step that writes carries an Idempotency-Key and is sent
 * again until answered, so a crash anywhere costs time, never a second write.
 */
export async function applyAndPay(
  client: PatientClient,
  people: People,
  key: string,
  byCard: boolean,
  acknowledged: Acknowledged,
): Promise<void> {
  const draft = await client.send('POST', '/api/applications/applications', {
    token: await people.citizen(),
    key: `${key}-draft`,
    json: {
      serviceCode: SERVICE,
      collectOfficeCode: 'mfc-kemerovo-lenin',
      formData: {
        fullName: 'Елена Смирнова',
        spouseName: `Олег ${key}`,
        ceremonyDate: '2027-06-12',
      },
    },
  });
  expect(draft, 201, 'draft');
  const id = draft.body['id'] as string;
  acknowledged.drafts.set(id, `${key}-draft`);

  const submitted = await client.send('POST', `/api/applications/applications/${id}/steps`, {
    token: await people.citizen(),
    key: `${key}-submit`,
    json: { step: 'submit' },
  });
  expect(submitted, 200, 'submission');
  acknowledged.submitted.set(id, submitted.body['number'] as string);

  const submittedAt = Date.now();
  const fee = await accrualOf(client, people, id);
  acknowledged.feeWaits.push(Date.now() - submittedAt);
  const paying: Paying = { client, people, key, fee, application: id, acknowledged };
  await (byCard ? payByCard(paying) : payInCash(paying));
}

type Fee = { uin: string; amountMinor: number };

/** An applicant about to pay `fee`, the accrual of `application`. */
interface Paying {
  client: PatientClient;
  people: People;
  key: string;
  fee: Fee;
  application: string;
  acknowledged: Acknowledged;
}

/** The fee's accrual, which payments creates once it hears of the submission. */
async function accrualOf(client: PatientClient, people: People, id: string): Promise<Fee> {
  for (let i = 0; i < 600; i += 1) {
    const fees = await client.send('GET', `/api/payments/applications/${id}/accruals`, {
      token: await people.auditor(),
    });
    expect(fees, 200, 'fees');
    const [fee] = fees.body['items'] as Fee[];
    if (fee) return fee;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no accrual for application ${id} after 2 minutes`);
}

/**
 * Pays on the bank simulator's checkout. The simulator keeps sessions in memory, so a crash
 * between starting and paying loses the session: the payer starts again (a new payment, a
 * new key), as on a real portal; the node refuses once the fee is paid.
 */
async function payByCard({ client, people, key, fee, application, acknowledged }: Paying) {
  for (let attempt = 1; attempt <= 20; attempt += 1) {
    const started = await client.send('POST', `/api/payments/accruals/${fee.uin}/payments`, {
      token: await people.citizen(),
      key: `${key}-card-${attempt}`,
      json: { provider: 'okno.bank-simulator' }, // back to the portal's front page
    });
    if (started.status === 409) return; // paid already: the answer to an earlier try was lost
    expect(started, 201, 'payment start');
    const checkout = await client.send('POST', started.body['redirectUrl'] as string, {
      form: { outcome: 'paid' },
    });
    if (checkout.status === 303) {
      acknowledged.payments.set(started.body['id'] as string, application);
      return;
    }
    // 404: the session died with the node; 502: the node refused the bank's notice mid-crash.
    if (checkout.status !== 404 && checkout.status !== 502) expect(checkout, 303, 'checkout');
  }
  throw new Error(`the fee of ${application} could not be paid by card in 20 attempts`);
}

/** The post operator's system posts the cash its counter took, under the receipt's number. */
async function payInCash({ client, people, key, fee, application, acknowledged }: Paying) {
  const posted = await client.send('POST', '/api/payments/cash-payments', {
    token: await people.post(),
    key: `${key}-cash`,
    json: {
      uin: fee.uin,
      amountMinor: fee.amountMinor,
      officeCode: 'post-650000',
      receiptNumber: key,
      paidAt: new Date().toISOString(),
    },
  });
  if (posted.status !== 200) expect(posted, 201, 'cash payment');
  acknowledged.payments.set(posted.body['id'] as string, application);
}

function expect(answer: Answer, wanted: number, what: string) {
  if (answer.status === wanted) return;
  const detail = JSON.stringify(answer.body['detail'] ?? answer.body['title'] ?? '');
  throw new Error(`${what}: ${answer.status} where ${wanted} was expected (${detail})`);
}
