import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { PrismaClient } from './db/generated/prisma/client.js';
import { schema } from './schema/index.js';
import { createContext, type Context } from './schema/context.js';
import { exportRoutes } from './timeline/export-routes.js';
import { apiKeyAccess, corsPolicy, hostAllowList, type AccessOptions } from './auth/http-access.js';
import { graphiqlKeyHeaders } from './auth/graphiql-key.js';
import { formPostRefusal } from './auth/csrf.js';

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

function healthCheck(prisma: PrismaClient): Plugin {
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== '/health') return;
      try {
        await prisma.$queryRaw`SELECT 1`;
        endResponse(fetchAPI.Response.json({ status: 'ok' }));
      } catch (error) {
        endResponse(fetchAPI.Response.json({ status: 'unavailable', error: (error as Error).message }, { status: 503 }));
      }
    },
  };
}

export type NewslineServer = YogaServerInstance<Record<string, unknown>, Context>;

export interface ServerOptions {
  /** Keys, hosts, CORS and the public URL (src/auth/http-access.ts); npm start passes the configured ones. */
  access?: AccessOptions;
}

/** The HTTP application: GraphQL (and GraphiQL) at /graphql, a health check at /health. */
export function createServer(prisma: PrismaClient, options: ServerOptions = {}): NewslineServer {
  const access = options.access ?? {};
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    context: () => createContext(prisma),
    graphiql: { title: 'Newsline', defaultQuery: exampleQuery, ...graphiqlKeyHeaders },
    cors: corsPolicy(access),
    // GraphiQL's scripts and styles are served inline from the installed package, so it works offline;
    // the package is large, so it is loaded on the first GraphiQL request, not at start.
    renderGraphiQL: async (options) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options),
    landingPage: false,
    plugins: [
      hostAllowList(access),
      healthCheck(prisma),
      apiKeyAccess(prisma, access),
      // A browser sends form posts (urlencoded, multipart, text/plain) cross-site without asking; refuse those.
      formPostRefusal(),
      exportRoutes(prisma, access.publicUrl),
    ],
  });
}
