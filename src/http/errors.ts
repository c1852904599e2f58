// Errors as clients see them: every error carries extensions.code; an error the client did not cause is masked
// (no stack, SQL or file path leaves the server) and points at the server log by request ID.
import { GraphQLError } from 'graphql';
import type { Plugin, YogaServerOptions } from 'graphql-yoga';
import { currentRequestId } from './request-id.js';

/** PostgreSQL's "data exception" class (22xxx: out of range, bad encoding, bad date) and Prisma's value errors: the input's fault. */
function isDataException(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (code === 'P2020' || code === 'P2023' || code === 'P2033') return true;
  return typeof message === 'string' && /Code: `22[0-9A-Z]{3}`|\bSQLSTATE 22[0-9A-Z]{3}\b/.test(message);
}

/** PostgreSQL's 57014 (query_canceled): the pool's statement_timeout, set to the request deadline, cancelled it. */
function isStatementTimeout(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === '57014' || (typeof message === 'string' && /Code: `57014`|canceling statement due to statement timeout/.test(message));
}

function rootCause(error: unknown): unknown {
  let cause = error;
  while (cause instanceof GraphQLError && cause.originalError) cause = cause.originalError;
  return cause;
}

/**
 * Yoga's maskError, stricter: an error thrown as a GraphQLError (the schema's UserInputError, NotFoundError, the limits)
 * goes out as it is; a database data exception becomes BAD_USER_INPUT without its SQL; anything else becomes
 * INTERNAL_SERVER_ERROR with the request ID, and only the server log has the details (Yoga logs it).
 */
export const maskError: NonNullable<Exclude<YogaServerOptions<object, object>['maskedErrors'], boolean | undefined>['maskError']> = (
  error,
) => {
  const cause = rootCause(error);
  if (error instanceof GraphQLError && cause instanceof GraphQLError) return error;
  const located = error instanceof GraphQLError ? { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path } : {};
  const requestId = currentRequestId();
  if (isStatementTimeout(cause)) {
    return new GraphQLError('A database statement ran past the request deadline and was cancelled (statement_timeout); ask for fewer or smaller pages', {
      ...located,
      extensions: { code: 'REQUEST_TIMEOUT', ...(requestId ? { requestId } : {}) },
    });
  }
  if (isDataException(cause)) {
    return new GraphQLError('A value in the request is outside what the database accepts (a number, date or text out of range)', {
      ...located,
      extensions: { code: 'BAD_USER_INPUT', ...(requestId ? { requestId } : {}) },
    });
  }
  return new GraphQLError(`Internal server error${requestId ? ` (request ${requestId})` : ''}; the details are in the server log`, {
    ...located,
    extensions: { code: 'INTERNAL_SERVER_ERROR', unexpected: true, ...(requestId ? { requestId } : {}) },
  });
};

export interface ErrorCodeOptions {
  maxBodyBytes: number;
}

/** The code an error without one gets, from where it came: the parser, validation, variables, or a resolver. */
function codeFor(error: GraphQLError): string {
  if (error.message.startsWith('Syntax Error')) return 'GRAPHQL_PARSE_FAILED';
  if (/^Variable "\$[^"]+" (got invalid value|of required type|of non-null type)/.test(error.message)) return 'BAD_USER_INPUT';
  if (/^Invalid cursor/.test(error.message)) return 'BAD_USER_INPUT';
  // Pothos' own argument checks (first with last, after with before, an ID of an unknown type): the request's fault.
  if ((error.originalError as { name?: string } | undefined)?.name === 'PothosValidationError') return 'BAD_USER_INPUT';
  if (!error.path) return 'GRAPHQL_VALIDATION_FAILED';
  return 'INTERNAL_SERVER_ERROR';
}

function withCode(error: GraphQLError, options: ErrorCodeOptions): GraphQLError {
  const extensions = { ...error.extensions } as Record<string, unknown>;
  let message = error.message;
  if (extensions.code === 'REQUEST_ENTITY_TOO_LARGE') {
    message = `Request body too large: the limit is ${options.maxBodyBytes.toLocaleString('en-US')} bytes`;
    extensions.limit = options.maxBodyBytes;
  } else if (/^Batching is not supported/.test(message)) {
    message = 'Batched requests (a JSON array of operations) are not accepted: the limit is 1 operation per request; send each one on its own';
    extensions.code = 'TOO_MANY_OPERATIONS';
    extensions.limit = 1;
  } else if (/^Invalid cursor/.test(message)) {
    extensions.code = 'BAD_USER_INPUT';
    message = `${message.replace(/^Invalid cursor:?/, 'not a cursor of this list:').trim()}; use a cursor this list returned (pageInfo.endCursor, edges.cursor)`;
  } else if (/^[A-Z]\w* has not been implemented$/.test(message)) {
    extensions.code = 'BAD_USER_INPUT';
    message = `the ID names the type ${message.split(' ')[0]}, which has no nodes; IDs are the opaque "id" values the API returns`;
  } else if (typeof extensions.code === 'string') {
    return error;
  } else {
    extensions.code = codeFor(error);
  }
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions,
  });
}

function codedResult<Result extends { errors?: readonly unknown[] }>(result: Result, options: ErrorCodeOptions): Result {
  if (!result.errors?.length) return result;
  return {
    ...result,
    errors: result.errors.map((error) =>
      error instanceof GraphQLError ? withCode(error, options) : withCode(new GraphQLError(String((error as Error)?.message ?? error)), options),
    ),
  };
}

/**
 * A GET's variables and extensions are JSON in the URL; Yoga parses them unguarded, so a malformed one ("variables={")
 * failed as an internal error (500). Checked first, each is refused by name, as a POST body that is not JSON is.
 */
function urlJsonProblem(url: URL): GraphQLError | null {
  for (const name of ['variables', 'extensions']) {
    const value = url.searchParams.get(name);
    if (value == null) continue;
    try {
      JSON.parse(value);
    } catch {
      return new GraphQLError(`${name}: the URL parameter is not JSON; send it as a URL-encoded JSON object`, {
        extensions: { code: 'BAD_USER_INPUT', field: name, http: { status: 400 } },
      });
    }
  }
  return null;
}

/** What Yoga answers 406 and 415 with no body for: which media types it does take. */
function mediaTypeError(status: number, request: Request): { message: string; code: string } | null {
  if (status === 406) {
    return {
      message: `No response type in the Accept header (${(request.headers.get('accept') ?? '').slice(0, 100)}) is served here: accept application/json, application/graphql-response+json, text/event-stream or multipart/mixed`,
      code: 'NOT_ACCEPTABLE',
    };
  }
  if (status === 415) {
    return {
      message: `The request's Content-Type (${(request.headers.get('content-type') ?? 'none').slice(0, 100)}) is not accepted here: send the operation as application/json`,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    };
  }
  return null;
}

/** Gives every error in every response a code (and the limit, for Yoga's body and batch limits). */
export function errorCodePlugin(options: ErrorCodeOptions): Plugin {
  return {
    onRequestParse({ url, requestParser, setRequestParser }) {
      if (!requestParser) return;
      setRequestParser((request) => {
        const problem = request.method === 'GET' ? urlJsonProblem(url) : null;
        if (problem) throw problem;
        return requestParser(request);
      });
    },
    onResponse({ request, response, setResponse, fetchAPI }) {
      const refusal = mediaTypeError(response.status, request);
      if (!refusal || response.body) return;
      const headers = new fetchAPI.Headers(response.headers);
      headers.set('content-type', 'application/json; charset=utf-8');
      const body = { errors: [{ message: refusal.message, extensions: { code: refusal.code, ...(currentRequestId() ? { requestId: currentRequestId() } : {}) } }] };
      setResponse(new fetchAPI.Response(JSON.stringify(body), { status: response.status, headers }));
    },
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result)) setResult(result.map((single) => codedResult(single, options)));
      else if (!(Symbol.asyncIterator in result)) setResult(codedResult(result, options));
    },
  };
}
