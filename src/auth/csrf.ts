// Cross-site request forgery: a page on another site can make the browser POST a form (urlencoded, multipart,
// text/plain) or GET a URL without asking the server first. Yoga's CSRF prevention refuses those unless they carry a
// header no form can set; this says so in words a client can act on, with a code.
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

export const csrfHeaders = ['x-graphql-yoga-csrf', 'authorization'];

export function formPostRefusal(): Plugin {
  const prevention = useCSRFPrevention({ requestHeaders: csrfHeaders });
  return {
    onRequestParse(payload) {
      try {
        return prevention.onRequestParse?.(payload);
      } catch {
        throw createGraphQLError(
          'refused as a possible cross-site request: send the operation as JSON (Content-Type: application/json), ' +
            'or add the header "x-graphql-yoga-csrf: 1" (a GET, or a form post from your own tool)',
          { extensions: { code: 'CSRF_REFUSED', http: { status: 403 } } },
        );
      }
    },
  };
}
