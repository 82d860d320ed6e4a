import type { FieldError } from '@okno/http';

/** A problem with one field of the request body, for a 422 that names every field. */
export const bodyError = (pointer: string, message: string): FieldError => ({
  location: 'body',
  pointer,
  message,
});
