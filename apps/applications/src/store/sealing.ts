import { z } from 'zod';
import { decryptField, encryptField, type Keyring } from '@okno/crypto';

/** What of an application is personal data, kept sealed at rest. */
export const SealedPart = z.object({ formData: z.record(z.string(), z.unknown()) });
export type SealedPart = z.infer<typeof SealedPart>;

// Bound to the application: a sealed part copied onto another row does not open.
const context = (applicationId: string) => `applications.application:${applicationId}`;

export const seal = (keyring: Keyring, applicationId: string, part: SealedPart): string =>
  encryptField(keyring, JSON.stringify(part), context(applicationId));

export const unseal = (keyring: Keyring, applicationId: string, sealed: string): SealedPart =>
  SealedPart.parse(JSON.parse(decryptField(keyring, sealed, context(applicationId))));
