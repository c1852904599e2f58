// A request ID on every response (X-Request-ID) and on every log line written while the request runs,
// so a client's report ("request 3f2a…") finds the server's log of it.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Plugin, YogaLogger } from 'graphql-yoga';

export const requestIdHeader = 'x-request-id';

const currentRequest = new AsyncLocalStorage<string>();
const requestIds = new WeakMap<Request, string>();

/** The ID of the request being handled, if any. */
export function currentRequestId(): string | undefined {
  return currentRequest.getStore();
}

/** A client's own ID is kept when it is short and plain (a proxy's or a client's trace ID); anything else is replaced. */
function requestIdOf(request: Request): string {
  const given = request.headers.get(requestIdHeader);
  return given && /^[A-Za-z0-9._:-]{1,64}$/.test(given) ? given : randomUUID();
}

export function requestIdPlugin(): Plugin {
  return {
    instrumentation: {
      request: ({ request }, wrapped) => {
        const id = requestIdOf(request);
        requestIds.set(request, id);
        return currentRequest.run(id, wrapped);
      },
    },
    onResponse({ request, response }) {
      const id = requestIds.get(request) ?? currentRequestId();
      if (id) response.headers.set(requestIdHeader, id);
    },
  };
}

/** Yoga's logger, with the request ID in front of every line written while a request runs. */
export function requestLogger(target: Pick<Console, 'debug' | 'info' | 'warn' | 'error'> = console, debug = false): YogaLogger {
  const withId =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) => {
      const id = currentRequestId();
      target[level](...(id ? [`[request ${id}]`, ...args] : args));
    };
  return { debug: debug ? withId('debug') : () => {}, info: withId('info'), warn: withId('warn'), error: withId('error') };

}
