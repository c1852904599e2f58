// Text PostgreSQL cannot store or compare: a NUL character (it ends C strings; PostgreSQL refuses it in text) and
// lone UTF-16 surrogates (not Unicode; they reach the database as replacement characters). Refused in any argument or
// variable before anything runs, naming where it was. The parser already refuses them in the query text itself.
import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export function textProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'holds a NUL character (\\u0000)';
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value)) return 'holds a lone UTF-16 surrogate (not a Unicode character)';
  return null;
}

function findInValue(value: unknown, path: string): { path: string; problem: string } | null {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? { path, problem } : null;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findInValue(item, `${path}[${index}]`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      const found = findInValue(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

function findInDocument(document: DocumentNode): { path: string; problem: string } | null {
  let found: { path: string; problem: string } | null = null;
  visit(document, {
    StringValue(node) {
      const problem = found ? null : textProblem(node.value);
      if (problem) found = { path: `the string at line ${node.loc?.startToken.line ?? '?'}`, problem };
    },
    Argument(node) {
      if (found || node.value.kind !== Kind.STRING) return;
      const problem = textProblem(node.value.value);
      if (problem) found = { path: `argument ${node.name.value}`, problem };
    },
  });
  return found;
}

export function inputTextPlugin(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const found = findInValue(args.variableValues ?? {}, 'variables');
      const problem = found ? { path: `$${found.path.slice('variables.'.length)}`, problem: found.problem } : findInDocument(args.document);
      if (!problem) return;
      setResultAndStopExecution({
        errors: [new GraphQLError(`${problem.path} ${problem.problem}; remove it`, { extensions: { code: 'BAD_USER_INPUT', field: problem.path } })],
      });
    },
  };
}
