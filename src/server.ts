import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { PrismaClient } from './db/generated/prisma/client.js';
import { cursorPlugin } from './http/cursors.js';
import { errorCodePlugin, maskError } from './http/errors.js';
import { healthPlugin, livenessPath } from './http/health.js';
import { inputTextPlugin } from './http/input-text.js';
import { defaultQueryLimits, queryLimitPlugins, type QueryLimits } from './http/limits.js';
import { rateLimitPlugin, type RateLimitSettings } from './http/rate-limit.js';
import { requestIdPlugin, requestLogger } from './http/request-id.js';
import { schema } from './schema/index.js';
import { createContext, type Context } from './schema/context.js';
import { exportRoutes } from './timeline/export-routes.js';
import { apiKeyAccess, authenticateRequest, corsPolicy, hostAllowList, type AccessOptions } from './auth/http-access.js';
import { graphiqlKeyHeaders } from './auth/graphiql-key.js';
import { formPostRefusal } from './auth/csrf.js';
import { exposurePlugins, type ExposureOptions } from './http/exposure.js';

/** The query GraphiQL opens with: a walk through the demo graph of the seed article. */
export const exampleQuery = /* GraphQL */ `# The events of the demo article, in date order, with where, who, who says so, and the figures.
# Reads need no key. To write (ingest, curate, merge), paste your API key after "Bearer " in Headers below.
query Timeline {
  events(first: 10, orderBy: DATE_ASC) {
    totalCount
    edges {
      node {
        title
        type
        date { start end precision approximate text }
        places(first: 5) { edges { role node { name kind parent { name } } } }
        organizations(first: 5) { edges { role node { name kind } } }
        mentions(first: 3) {
          edges { node { quote { text } source { name kind } article { title publishedOn publisher { name } } } }
        }
        claims(first: 5) {
          edges { node { metric qualifier value subject sources(first: 3) { edges { node { name kind } } } } }
        }
      }
    }
  }
}
`;

export type NewslineServer = YogaServerInstance<Record<string, unknown>, Context>;

export interface ServerOptions {
  /** Keys, hosts, CORS and the public URL (src/auth/http-access.ts); npm start passes the configured ones. */
  access?: AccessOptions;
  /** What one request may cost; each value left out keeps its default (see "Limits and errors" in the README). */
  limits?: Partial<QueryLimits>;
  /** Requests per window per API key and per client address; off when absent (npm start turns it on). */
  rateLimit?: RateLimitSettings;
  /** Introspection, GraphiQL and the persisted-operations-only mode (src/http/exposure.ts); all open by default. */
  exposure?: ExposureOptions;
}

/** The HTTP application: GraphQL (and GraphiQL) at /graphql, a health check at /health. */
export function createServer(prisma: PrismaClient, options: ServerOptions = {}): NewslineServer {
  const access = options.access ?? {};
  const limits: QueryLimits = { ...defaultQueryLimits, ...options.limits };
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    context: () => createContext(prisma),
    graphiql: options.exposure?.graphiql === false ? false : { title: 'Newsline', defaultQuery: exampleQuery, ...graphiqlKeyHeaders },
    cors: corsPolicy(access),
    logging: requestLogger(console),
    maskedErrors: { maskError },
    maxRequestBodySize: limits.maxBodyBytes,
    // Yoga's own check answers 200 without asking the database; it moves aside for the one in http/health.ts.
    healthCheckEndpoint: livenessPath,
    // GraphiQL's scripts and styles are served inline from the installed package, so it works offline;
    // the package is large, so it is loaded on the first GraphiQL request, not at start.
    renderGraphiQL: async (options) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options),
    landingPage: false,
    plugins: [
      requestIdPlugin(),
      ...(options.rateLimit ? [rateLimitPlugin(options.rateLimit, (request) => authenticateRequest(prisma, request))] : []),
      // Before the Host allow-list, so a load balancer may ask by address.
      healthPlugin(prisma),
      hostAllowList(access),
      apiKeyAccess(prisma, access),
      // A browser sends form posts (urlencoded, multipart, text/plain) cross-site without asking; refuse those.
      formPostRefusal(),
      errorCodePlugin({ maxBodyBytes: limits.maxBodyBytes }),
      ...exposurePlugins(options.exposure ?? {}),
      ...queryLimitPlugins(limits),
      inputTextPlugin(),
      cursorPlugin(),
      exportRoutes(prisma, access.publicUrl),
    ],
  });
}
