import type { FieldError } from '@okno/http';
import type { CatalogueVersion, ServiceOffices } from '../catalogue-client';
import { collectionErrors, type CollectionChoice } from '../model/collection';
import { bodyError } from './body-error';

/** The collection choice's problems as 422 fields, under the request's own field names. */
export function collectionFieldErrors(
  choice: CollectionChoice,
  offices: ServiceOffices,
  version: CatalogueVersion,
  today: string,
  pointers = { office: '/collectOfficeCode', visit: '/collectVisitOn' },
): FieldError[] {
  return collectionErrors(choice, offices, version.content.resultChannels, today).map((e) =>
    bodyError(pointers[e.field], e.message),
  );
}
