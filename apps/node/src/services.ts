import { applicationsService } from '@okno/applications';
import { catalogueService } from '@okno/catalogue';
import { documentsService } from '@okno/documents';
import { identityService } from '@okno/identity';
import { paymentsService } from '@okno/payments';
import type { ServiceModule } from '@okno/http';

/** Every service of a regional node, in the order they are mounted. */
export const allServices: readonly ServiceModule[] = [
  identityService,
  catalogueService,
  applicationsService,
  documentsService,
  paymentsService,
];
