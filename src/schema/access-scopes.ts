// The scopes of the scope-auth plugin, from the request's API key, and the errors a refused field gets.
import type { GraphQLResolveInfo } from 'graphql';
import { AuthScopeFailureType, type AuthFailure, type ForbiddenResult } from '@pothos/plugin-scope-auth';
import { keyHasScope, scopeNames, type ScopeName } from '../auth/api-keys.js';
import { ForbiddenError, UnauthenticatedError } from '../auth/access-errors.js';
import type { Context } from './context.js';

export interface AccessScopes {
  /** May read: anyone, unless reads need a key. */
  reader: boolean;
  /** Holds a valid key of any scope (every mutation needs at least this). */
  keyHolder: boolean;
  ingest: boolean;
  curate: boolean;
  admin: boolean;
}

export function accessScopes(context: Context): AccessScopes {
  const key = context.apiKey;
  return {
    reader: !context.readsRequireKey || !!key,
    keyHolder: !!key,
    ingest: keyHasScope(key, 'ingest'),
    curate: keyHasScope(key, 'curate'),
    admin: keyHasScope(key, 'admin'),
  };
}

function requiredScopes(failure: AuthFailure): string[] {
  if (failure.kind === AuthScopeFailureType.AuthScope) return [failure.scope];
  if (failure.kind === AuthScopeFailureType.AnyAuthScopes || failure.kind === AuthScopeFailureType.AllAuthScopes) {
    return failure.failures.flatMap(requiredScopes);
  }
  return [];
}

/** The scopes a field itself names (the type's "keyHolder" check fails first when no key is sent). */
function fieldScopes(info: GraphQLResolveInfo): string[] {
  const options = info.parentType.getFields()[info.fieldName]?.extensions?.pothosOptions as { authScopes?: unknown } | undefined;
  return options?.authScopes && typeof options.authScopes === 'object' ? Object.keys(options.authScopes) : [];
}

export function accessError(context: Context, info: GraphQLResolveInfo, result: ForbiddenResult): Error {
  const scopes = [...fieldScopes(info), ...requiredScopes(result.failure)].filter((scope): scope is ScopeName =>
    scopeNames.includes(scope as ScopeName),
  );
  const operation = `${info.parentType.name === 'Mutation' ? 'mutation' : 'field'} ${info.fieldName}`;
  const needs = scopes.length ? `an API key with the ${[...new Set(scopes)].join(' or ')} scope` : 'an API key';
  if (!context.apiKey) {
    return new UnauthenticatedError(context.readsRequireKey && info.parentType.name === 'Query' ? `reads on this server need an API key (any scope)` : `${operation} needs ${needs}`);
  }
  return new ForbiddenError(
    `${operation} needs ${needs}; the key "${context.apiKey.name}" (${context.apiKey.prefix}…) has ${context.apiKey.scopes.join(', ')}`,
  );
}
