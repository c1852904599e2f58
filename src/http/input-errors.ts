// Errors a client can fix, for every layer that reads client input (schema, exports, cursors, global IDs).
import { GraphQLError } from 'graphql';

/** Input the client can fix: the message names the field and the problem. */
export class UserInputError extends GraphQLError {
  constructor(message: string, field?: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) } });
  }
}

/** A well-formed ID or key that names nothing stored. */
export class NotFoundError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'NOT_FOUND' } });
  }
}
