import { z } from 'zod';
import { decryptField, encryptField, type Keyring } from '@okno/crypto';

/** An applicant as an officer saw them at a counter: the identity document they showed. */
export const CounterApplicant = z.object({
  fullName: z.string().trim().min(3).max(200),
  identityDocument: z.object({
    kind: z.enum(['passport-rf', 'foreign-passport', 'residence-permit', 'birth-certificate']),
    number: z.string().trim().min(4).max(30),
  }),
});

/** What of an application is personal data, kept sealed at rest. */
export const SealedPart = z.object({
  formData: z.record(z.string(), z.unknown()),
  applicant: CounterApplicant.optional(),
});
export type SealedPart = z.infer<typeof SealedPart>;

// Bound to the application: a sealed part copied onto another row does not open.
const context = (applicationId: string) => `applications.application:${applicationId}`;

export const seal = (keyring: Keyring, applicationId: string, part: SealedPart): string =>
  encryptField(keyring, JSON.stringify(part), context(applicationId));

export const unseal = (keyring: Keyring, applicationId: string, sealed: string): SealedPart =>
  SealedPart.parse(JSON.parse(decryptField(keyring, sealed, context(applicationId))));

/** A registry's answer, sealed and bound to its request. */
const answerContext = (requestId: string) => `applications.registry-answer:${requestId}`;

export const sealAnswer = (keyring: Keyring, requestId: string, answer: unknown): string =>
  encryptField(keyring, JSON.stringify(answer), answerContext(requestId));

export const unsealAnswer = (keyring: Keyring, requestId: string, sealed: string): unknown =>
  JSON.parse(decryptField(keyring, sealed, answerContext(requestId)));
