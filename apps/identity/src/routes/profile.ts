import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { agencyStaffRoles, personRoles } from '@okno/auth';
import { actorOf, recordAudit } from '@okno/audit';
import type { Keyring } from '@okno/crypto';
import {
  createRouter,
  defineRoute,
  notFound,
  preconditionFailed,
  requirePrincipal,
  type AppEnv,
} from '@okno/http';
import { PersonalData } from '../profile/personal-data';
import { findProfile, saveProfile, type CitizenProfile } from '../profile/profile-store';

const Profile = z
  .object({
    subject: z.string(),
    version: z.number().int(),
    personalData: PersonalData,
    updatedAt: z.iso.datetime(),
  })
  .openapi('CitizenProfile');

const applicants = [personRoles.citizen, personRoles.businessRepresentative];
/** Staff who serve applicants in person or decide their cases. */
const caseworkers = agencyStaffRoles.filter((r) => r !== personRoles.catalogueEditor);

const etag = (version: number) => `"${version}"`;

function respond(c: Context<AppEnv>, profile: CitizenProfile, status: 200 | 201) {
  c.header('etag', etag(profile.version));
  return c.json(
    {
      subject: profile.subject,
      version: profile.version,
      personalData: profile.personalData,
      updatedAt: profile.updatedAt.toISOString(),
    },
    status,
  );
}

/** `If-Match: "3"` → 3; absent → undefined; anything else is a precondition nobody can meet. */
function expectedVersion(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"(\d+)"$/.exec(header.trim());
  return match ? Number(match[1]) : -1;
}

export function profileRoutes(keys: Keyring) {
  return createRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/me/profile',
        access: { roles: applicants },
        tags: ['identity'],
        summary: "The caller's own profile",
        responses: {
          200: {
            description: 'The profile.',
            content: { 'application/json': { schema: Profile } },
          },
          404: { description: 'No profile yet.' },
        },
      }),
      async (c) => {
        const { subject } = requirePrincipal(c.var.principal);
        const profile = await findProfile(c.var.db, keys, subject);
        if (!profile) throw notFound('You have no profile yet; create it with PUT /me/profile.');
        return respond(c, profile, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'put',
        path: '/me/profile',
        access: { roles: applicants },
        tags: ['identity'],
        summary: "Create or replace the caller's own profile",
        description:
          'Creates the profile when there is none. To change an existing one, send `If-Match` with the `ETag` you read; a stale version gets 412.',
        request: {
          headers: z.object({ 'if-match': z.string().max(64).optional() }),
          body: { required: true, content: { 'application/json': { schema: PersonalData } } },
        },
        responses: {
          200: { description: 'Replaced.', content: { 'application/json': { schema: Profile } } },
          201: { description: 'Created.', content: { 'application/json': { schema: Profile } } },
          412: { description: 'The profile changed since it was read.' },
        },
      }),
      async (c) => {
        const principal = requirePrincipal(c.var.principal);
        const data = c.req.valid('json');
        const expected = expectedVersion(c.req.valid('header')['if-match']);
        return c.var.db.transaction(async (tx) => {
          const current = await findProfile(tx, keys, principal.subject);
          if (current && expected === undefined) {
            throw preconditionFailed(
              'The profile exists: send If-Match with its ETag to change it.',
            );
          }
          const version = await saveProfile(tx, keys, principal.subject, data, current && expected);
          if (version === undefined) {
            throw preconditionFailed('The profile changed since you read it; read it again.');
          }
          await recordAudit(tx, {
            kind: 'profile-updated',
            ...actorOf(principal, c.var.requestId),
            target: principal.subject,
            // Which fields, never their values: the audit trail holds no personal data.
            details: { fields: Object.keys(data).sort(), version },
          });
          const saved = {
            subject: principal.subject,
            version,
            personalData: data,
            updatedAt: new Date(),
          };
          return respond(c, saved, current ? 200 : 201);
        });
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/citizens/{subject}/profile',
        access: { roles: caseworkers },
        tags: ['identity'],
        summary: "A citizen's profile, for staff serving them (every read is audited)",
        request: { params: z.object({ subject: z.string().min(1).max(128) }) },
        responses: {
          200: {
            description: 'The profile.',
            content: { 'application/json': { schema: Profile } },
          },
          404: { description: 'No such profile.' },
        },
      }),
      async (c) => {
        const principal = requirePrincipal(c.var.principal);
        const { subject } = c.req.valid('param');
        const profile = await findProfile(c.var.db, keys, subject);
        if (!profile) throw notFound('There is no profile for this person.');
        await recordAudit(c.var.db, {
          kind: 'profile-read',
          ...actorOf(principal, c.var.requestId),
          target: subject,
          details: { agency: principal.agency ?? null, office: principal.office ?? null },
        });
        return respond(c, profile, 200);
      },
    );
}
