import type { HttpBindings } from '@hono/node-server';
import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import { machineRoles } from '@okno/auth';
import type { AppEnv } from './app-env';
import { isInProcessCall } from './in-process-call';
import { problemResponse, problemTypes } from './problem';

/** How many writes a minute each kind of caller may make, per process (see docs/security.md). */
export interface RateLimits {
  /** POST, PUT, PATCH and DELETE by one person's token (citizen or staff). */
  writesPerPerson: number;
  /** ... by one partner system's token (a post operator, a bank, a cash desk): their whole network. */
  writesPerClient: number;
  /** ... without a token (bank webhooks, sign-in forms), per client address. */
  writesPerAddress: number;
  /** Posts to the embedded OpenID provider (sign-ins, token requests) per client address. */
  signInsPerAddress: number;
  /**
   * The header the ingress puts the client's address in (`x-real-ip`); without it, the
   * socket's peer, which behind a proxy is the proxy, so set it in production.
   */
  addressHeader?: string;
}

const WINDOW_MS = 60_000;
const machine = new Set<string>(Object.values(machineRoles));
const isWrite = (method: string) => method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';

/** Where a request came from: the ingress's header when configured, else the socket's peer. */
export function clientAddress(c: Context, addressHeader?: string): string {
  const told = addressHeader ? c.req.header(addressHeader)?.split(',')[0]?.trim() : undefined;
  if (told) return told;
  return (c.env as Partial<HttpBindings> | undefined)?.incoming?.socket.remoteAddress ?? 'unknown';
}

/**
 * Limits how fast one caller may write, after authentication: a person by their subject, a
 * partner system by its client, anyone without a token by address. Reads are not limited
 * here (the public cache and load shedding carry them). Over the limit: 429 problem+json
 * with `Retry-After`, before the handler runs, so nothing is written. Fixed one-minute
 * windows in this process's memory (hono-rate-limiter's store): with N processes a caller
 * gets up to N times the limit, which still stops a script, and needs no shared store.
 */
export function writeRateLimits(limits: RateLimits): MiddlewareHandler<AppEnv> {
  return rateLimiter<AppEnv>({
    windowMs: WINDOW_MS,
    standardHeaders: 'draft-6',
    // A service calling another in process acts for a request already counted.
    skip: (c) => !isWrite(c.req.method) || isInProcessCall(c),
    keyGenerator: (c) => {
      const principal = c.get('principal');
      if (!principal) return `address:${clientAddress(c, limits.addressHeader)}`;
      return principal.roles.some((r) => machine.has(r))
        ? `client:${principal.clientId ?? principal.subject}`
        : `person:${principal.subject}`;
    },
    limit: (c) => {
      const principal = c.get('principal');
      if (!principal) return limits.writesPerAddress;
      return principal.roles.some((r) => machine.has(r))
        ? limits.writesPerClient
        : limits.writesPerPerson;
    },
    handler: (c) =>
      problemResponse(c, {
        status: 429,
        type: problemTypes.rateLimited,
        title: 'Too Many Requests',
        detail:
          'Too many changes from one caller in a minute; try again after Retry-After seconds.',
      }),
  });
}

/**
 * Limits sign-in attempts by address on the embedded OpenID provider's routes, against
 * password guessing. (Keycloak, in production, locks accounts itself: the realm generator
 * turns on its brute-force detection.)
 */
export function signInRateLimit(limits: RateLimits): MiddlewareHandler<AppEnv> {
  return rateLimiter<AppEnv>({
    windowMs: WINDOW_MS,
    standardHeaders: 'draft-6',
    limit: limits.signInsPerAddress,
    skip: (c) => c.req.method !== 'POST',
    keyGenerator: (c) => clientAddress(c, limits.addressHeader),
    handler: (c) =>
      problemResponse(c, {
        status: 429,
        type: problemTypes.rateLimited,
        title: 'Too Many Requests',
        detail: 'Too many sign-in attempts from this address; try again after Retry-After seconds.',
      }),
  });
}
