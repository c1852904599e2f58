import { GraphQLError } from 'graphql';

const howToSendAKey = 'send it as the header "Authorization: Bearer <key>" (npm run apikey -- create --scope <scope> --name "…" makes one)';

/** No key, or a key we do not know (or revoked): HTTP 401, the client must present a valid key. */
export class UnauthenticatedError extends GraphQLError {
  constructor(message: string) {
    super(`${message}; ${howToSendAKey}`, {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: { 'www-authenticate': 'Bearer realm="newsline"' } } },
    });
  }
}

/** A valid key without the scope the operation needs: HTTP 403, another key is needed. */
export class ForbiddenError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
  }
}
