import type { Principal } from '@okno/auth';
import type { Executor } from '@okno/db';
import type { Logger } from './logger';

/** What every Okno handler finds on its context. */
export type AppEnv = {
  Variables: {
    requestId: string;
    logger: Logger;
    /** The verified caller, or null for an anonymous request. */
    principal: Principal | null;
    /**
     * Where this request's queries run: the service's database, or, inside an idempotent
     * POST, the transaction that also records the response. Handlers always use this one.
     */
    db: Executor;
    /**
     * The template of the route that answered, set when a response was made before routing
     * (the public cache), so metrics label it as the route would have.
     */
    route?: string;
  };
};
