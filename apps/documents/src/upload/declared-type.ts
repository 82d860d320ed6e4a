import { acceptedTypes, isAccepted, type AcceptedType } from './accepted-types';

const byExtension = new Map<string, AcceptedType>([
  ['pdf', 'application/pdf'],
  ['jpg', 'image/jpeg'],
  ['jpeg', 'image/jpeg'],
  ['png', 'image/png'],
]);

/**
 * What the client claims the file is, from its Content-Type or else its file name's
 * extension: a claim the content must match (a PNG renamed `scan.pdf` is refused), never a
 * decision. A generic type (`application/octet-stream`) and an unknown extension claim nothing.
 */
export function declaredType(contentType: string | undefined, fileName: string | undefined) {
  const mime = contentType?.split(';', 1)[0]?.trim().toLowerCase();
  if (mime && isAccepted(mime)) return mime;
  const extension = fileName?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  return extension === undefined ? undefined : byExtension.get(extension);
}

/** A file name's extension that agrees with what the file is. */
export const extensionOf = (type: AcceptedType) => acceptedTypes[type];
