import type { Context } from 'hono';

/**
 * The environment of a request one service makes to another in the same process
 * (`app.request(url, init, inProcessCall)`): set by the caller, never by anything a client sends.
 */
export const inProcessCall = { oknoInProcessCall: true } as const;
export const isInProcessCall = (c: Context) =>
  (c.env as Partial<typeof inProcessCall> | undefined)?.oknoInProcessCall === true;
