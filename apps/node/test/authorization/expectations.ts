import { demoServices } from '@okno/catalogue';
import { personaNames, type Persona } from './personas';

/**
 * Who may call each operation of the node on records that are not theirs: a citizen's
 * submitted application to the civil registry, the passport scan attached to it, its fee and
 * a payment started for it, and the citizen's profile (see authorization-matrix.test.ts).
 * Everyone not named must be refused (401, 403 or 404), with nothing written and nothing of
 * the owner's in the answer. Every operation in /openapi.json has a line here: a new route
 * without one fails the suite until someone decides who may call it.
 */
export interface Expectation {
  /**
   * Who gets past authorization: not 401 or 403 (a 409 or 422 from the rules is fine).
   * Everyone else is refused: 401, 403, 404, or a list that shows them nothing.
   */
  allow: readonly Persona[];
  /** A body that passes validation, so a refusal is shown to come from authorization. */
  body?: unknown;
  /** The path names no existing record: those allowed may get 404. */
  missing?: true;
}

/** Everyone with a token of this region. */
const withToken = personaNames.filter((p) => p !== 'anonymous' && p !== 'foreign-admin');
/** Public: anyone, with or without a token, but not with a token this region refuses. */
const everyone: readonly Persona[] = ['anonymous', ...withToken];
/** The root's own routes read no token at all. */
const literallyEveryone: readonly Persona[] = [...everyone, 'foreign-admin'];
const people = withToken.filter((p) => !p.startsWith('partner-'));
const applicants: readonly Persona[] = ['citizen1', 'citizen2', 'business1'];
const frontOffice: readonly Persona[] = ['counter1', 'post1', 'mobile1'];
const backOffice: readonly Persona[] = ['officer2', 'officer1', 'supervisor-zags', 'supervisor1'];
const supervisors: readonly Persona[] = ['supervisor-zags', 'supervisor1'];
/** The agency that decides the owner's application. */
const decidingAgency: readonly Persona[] = ['officer2', 'supervisor-zags'];
const cataloguers: readonly Persona[] = ['editor1', 'admin1'];
const nobody: readonly Persona[] = [];
const moneyReaders: readonly Persona[] = [...decidingAgency, ...frontOffice, 'auditor1'];

const allow = (...groups: (readonly Persona[] | Persona)[]): readonly Persona[] => [
  ...new Set(groups.flat()),
];

export const expectations: Record<string, Expectation> = {
  // The node
  'GET /healthz': { allow: literallyEveryone },
  'GET /readyz': { allow: literallyEveryone },
  'GET /info': { allow: literallyEveryone },

  // Identity
  'GET /api/identity/healthz': { allow: everyone },
  'GET /api/identity/me': { allow: withToken },
  // Their own profile: none was made for them, hence 404.
  'GET /api/identity/me/profile': { allow: applicants, missing: true },
  'PUT /api/identity/me/profile': { allow: applicants },
  // Staff serving a citizen at a counter or deciding their case; every read is audited.
  'GET /api/identity/citizens/{subject}/profile': { allow: allow(frontOffice, backOffice) },
  'GET /api/identity/staff': { allow: allow('admin1', 'auditor1', supervisors) },
  'PUT /api/identity/staff/{subject}': { allow: ['admin1'] },
  'POST /api/identity/imports/staff': { allow: ['admin1'] },
  'POST /api/identity/imports/staff/retire-missing': { allow: ['admin1'] },
  'POST /api/identity/imports/demo-people': { allow: ['admin1'] },
  'GET /api/identity/partners': { allow: ['admin1', 'auditor1'] },
  'PUT /api/identity/partners/{clientId}': { allow: ['admin1'] },
  'POST /api/identity/sign-ins': { allow: people },
  'GET /api/identity/audit-events': { allow: ['auditor1', 'admin1'] },
  'GET /api/identity/audit-trail': { allow: ['auditor1', 'admin1'] },
  'GET /api/identity/audit-trail/{context}/links': { allow: ['auditor1', 'admin1'] },

  // Catalogue
  'GET /api/catalogue/healthz': { allow: everyone },
  'GET /api/catalogue/agencies': { allow: everyone },
  'GET /api/catalogue/agencies/{code}': { allow: everyone },
  'PUT /api/catalogue/agencies/{code}': { allow: ['admin1'] },
  'POST /api/catalogue/agencies/{code}/retire': { allow: ['admin1'] },
  'POST /api/catalogue/imports/agencies': { allow: ['admin1'] },
  'POST /api/catalogue/imports/offices': { allow: ['admin1'] },
  'POST /api/catalogue/imports/services': { allow: ['admin1'] },
  'POST /api/catalogue/imports/retire-missing': { allow: ['admin1'] },
  'GET /api/catalogue/services': { allow: everyone },
  'POST /api/catalogue/services': { allow: cataloguers },
  'GET /api/catalogue/services/{code}': { allow: everyone },
  'GET /api/catalogue/services/{code}/versions/{version}': { allow: everyone },
  // The civil registry's service: an editor of another agency may not touch it.
  'GET /api/catalogue/services/{code}/draft': { allow: ['admin1'], missing: true },
  'PUT /api/catalogue/services/{code}/draft': {
    allow: ['admin1'],
    body: demoServices.find((s) => s.code === 'marriage-registration')?.content,
  },
  'POST /api/catalogue/services/{code}/draft/publish': { allow: ['admin1'] },
  'POST /api/catalogue/services/{code}/retire': { allow: ['admin1'] },
  'GET /api/catalogue/offices': { allow: everyone },
  'GET /api/catalogue/offices/{code}': { allow: everyone },
  'PUT /api/catalogue/offices/{code}': { allow: cataloguers },
  'GET /api/catalogue/services/{code}/offices': { allow: everyone },
  'GET /api/catalogue/mobile-visits': { allow: everyone },
  'GET /api/catalogue/open-data': { allow: everyone },
  'GET /api/catalogue/open-data/services.json': { allow: everyone },
  'GET /api/catalogue/open-data/{file}': { allow: everyone },

  // Applications: the owner's is decided by the civil registry, collected on the portal.
  'GET /api/applications/healthz': { allow: everyone },
  'POST /api/applications/applications': { allow: applicants },
  'GET /api/applications/applications': { allow: applicants },
  'GET /api/applications/applications/{id}': { allow: decidingAgency },
  'PUT /api/applications/applications/{id}/form': {
    allow: nobody,
    body: { fullName: 'Чужой Человек' },
  },
  'POST /api/applications/applications/{id}/steps': {
    allow: decidingAgency,
    body: { step: 'decide', outcome: 'refused', reason: 'Проверка прав доступа' },
  },
  'POST /api/applications/counter/applications': { allow: allow(frontOffice, 'partner-post') },
  'GET /api/applications/queue': { allow: allow(backOffice, frontOffice) },
  'PUT /api/applications/applications/{id}/assignee': {
    allow: decidingAgency,
    body: { assignee: null },
  },
  'POST /api/applications/applications/{id}/rating': { allow: nobody, body: { score: 1 } },
  'GET /api/applications/ratings': { allow: allow(supervisors, 'admin1', 'auditor1') },
  'GET /api/applications/applications/{id}/registry-requests': { allow: decidingAgency },
  'POST /api/applications/applications/{id}/registry-requests/{requestId}/retry': {
    allow: decidingAgency,
    missing: true,
  },
  'PUT /api/applications/applications/{id}/collection': {
    allow: decidingAgency,
    body: { officeCode: null },
  },
  'GET /api/applications/applications/{id}/history': { allow: decidingAgency },
  'GET /api/applications/applications/{id}/comments': { allow: decidingAgency },
  'POST /api/applications/applications/{id}/comments': {
    allow: decidingAgency,
    body: { body: 'Проверка прав доступа' },
  },

  // Documents: the owner's passport scan, attached to the application.
  'GET /api/documents/healthz': { allow: everyone },
  'POST /api/documents/documents': { allow: applicants },
  'GET /api/documents/documents': { allow: applicants },
  'GET /api/documents/documents/{id}': { allow: decidingAgency },
  'GET /api/documents/documents/{id}/content': { allow: decidingAgency },
  'POST /api/documents/applications/{applicationId}/attachments': {
    allow: nobody,
    body: { documentId: '{documentId}', purpose: 'passport' },
  },
  'GET /api/documents/applications/{applicationId}/attachments': { allow: decidingAgency },
  'GET /api/documents/jwks.json': { allow: everyone },
  'GET /api/documents/verification/{id}': { allow: everyone, missing: true },
  'POST /api/documents/documents/{id}/revocation': {
    allow: decidingAgency,
    body: { reason: 'Проверка прав доступа' },
  },

  // Payments: the application's fee (an accrual by UIN) and a card payment started for it.
  'GET /api/payments/healthz': { allow: everyone },
  'GET /api/payments/accruals/{uin}': { allow: everyone },
  'GET /api/payments/accruals': { allow: applicants },
  'POST /api/payments/accruals': { allow: allow(backOffice, frontOffice) },
  // Fees and payments: the payer; any counter (one window); auditors; the agency paid.
  'GET /api/payments/applications/{id}/accruals': { allow: moneyReaders },
  'POST /api/payments/accruals/search': { allow: everyone },
  'POST /api/payments/accruals/{uin}/payments': {
    allow: applicants,
    body: { provider: 'okno.bank-simulator' },
  },
  'GET /api/payments/accruals/{uin}/payments': { allow: moneyReaders },
  'GET /api/payments/payments': { allow: applicants },
  'GET /api/payments/payments/{id}': { allow: moneyReaders },
  'POST /api/payments/webhooks/{provider}': { allow: nobody },
  'POST /api/payments/cash-payments': { allow: ['partner-post'] },
  'POST /api/payments/payments/{id}/refunds': {
    allow: ['supervisor-zags', 'admin1'],
    body: { amountMinor: 100, reason: 'Проверка прав доступа' },
  },
  'GET /api/payments/ledger/balances': { allow: allow('auditor1', supervisors, 'admin1') },
  'GET /api/payments/ledger/check': { allow: allow('auditor1', supervisors, 'admin1') },
  'GET /api/payments/uin-issuers': { allow: ['admin1', 'auditor1'] },
  'POST /api/payments/uin-issuers': { allow: ['admin1'] },
  'POST /api/payments/statements': { allow: allow(supervisors, 'admin1', 'partner-bank') },
  'GET /api/payments/statements/{id}': {
    allow: allow(supervisors, 'admin1', 'auditor1'),
    missing: true,
  },
  'GET /api/payments/discrepancies': { allow: allow(supervisors, 'admin1', 'auditor1') },
  'POST /api/payments/discrepancies/{id}/resolution': {
    allow: allow(supervisors, 'admin1'),
    missing: true,
  },
  // A page for a payment the path does not name.
  'GET /api/payments/providers/{provider}/pages/{page}': { allow: everyone, missing: true },
  'POST /api/payments/providers/{provider}/pages/{page}': { allow: everyone },
};
