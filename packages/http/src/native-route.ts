import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import { problemResponse, problemTypes } from './problem';

/**
 * A Node.js request handler mounted under a path of a Hono app: something built for Node's
 * own request and response objects (the embedded OpenID provider), which reads the body
 * itself and writes the response itself.
 */
export interface NativeRoute {
  /** The path prefix it owns, such as `/realms/ru-kem`. */
  readonly path: string;
  readonly handle: (req: IncomingMessage, res: ServerResponse) => void;
}

/** @hono/node-server writes nothing for a response carrying this header. */
const ALREADY_SENT = 'x-hono-already-sent';

/**
 * Hands the raw request over and waits until the handler has answered, so the access log and
 * the request's span cover it and carry its real status.
 */
export async function handOver(c: Context, route: NativeRoute): Promise<Response> {
  const bindings = c.env as Partial<HttpBindings> | undefined;
  const { incoming, outgoing } = bindings ?? {};
  if (!incoming || !outgoing) {
    return problemResponse(c, {
      status: 501,
      type: problemTypes.internal,
      title: 'Not Implemented',
      detail: `${route.path} is only served by a Node.js HTTP server.`,
    });
  }
  const requestId = c.get('requestId') as string | undefined;
  if (requestId) outgoing.setHeader('x-request-id', requestId);
  const finished = new Promise<void>((resolve) => outgoing.once('close', resolve));
  route.handle(incoming, outgoing);
  await finished;
  const response = new Response(null, {
    status: outgoing.statusCode,
    headers: { [ALREADY_SENT]: 'true' },
  });
  // The adapter looks for ALREADY_SENT only on a full web Response; its own lightweight one
  // (which the global Response is once it serves) it writes straight away, headers again
  // included. Reading the body turns the lightweight one into a full one.
  void response.body;
  return response;
}
