/**
 * What an upload may be, decided by its content (magic bytes), never by its name or the type
 * the client declared. Scans and photos of documents: PDF, JPEG, PNG. Nothing else: archives
 * (a zip bomb expands a few kilobytes into gigabytes), office documents (macros) and images
 * that carry scripts (SVG) are refused outright rather than inspected.
 */
export const acceptedTypes = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
} as const;
export type AcceptedType = keyof typeof acceptedTypes;

export const isAccepted = (mime: string): mime is AcceptedType => mime in acceptedTypes;
