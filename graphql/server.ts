import { readFileSync } from "node:fs";
import path from "node:path";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { GraphQLError } from "graphql";
import depthLimit from "graphql-depth-limit";
import { directiveEstimator, getComplexity, simpleEstimator } from "graphql-query-complexity";
import { ROOT } from "../lib/config";
import { withAccessChecks } from "./access";
import type { Context } from "./context";
import { resolvers } from "./resolvers";

export const typeDefs = readFileSync(path.join(ROOT, "graphql", "schema.graphql"), "utf8");

/**
 * Refuses a query whose cost (schema.graphql's @complexity, 1 for other fields, aliases counted each time)
 * is over the limit, after validation and before any resolver runs.
 */
function costLimit(maxCost: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const cost = getComplexity({
            schema,
            query: document,
            operationName: request.operationName ?? undefined,
            variables: request.variables ?? {},
            estimators: [directiveEstimator({ name: "complexity" }), simpleEstimator({ defaultComplexity: 1 })],
          });
          if (cost > maxCost) {
            throw new GraphQLError(`this query costs ${cost}, more than the limit of ${maxCost} (GRAPHQL_MAX_COST): ask for fewer fields, aliases or items`, {
              extensions: { code: "BAD_USER_INPUT", cost, maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

export function createApolloServer(opts: { maxDepth: number; maxCost: number }): ApolloServer<Context> {
  return new ApolloServer<Context>({
    typeDefs,
    resolvers: withAccessChecks(typeDefs, resolvers),
    // CSRF prevention stays on (Apollo's default); introspection helps API clients.
    introspection: true,
    validationRules: [depthLimit(opts.maxDepth)],
    plugins: [costLimit(opts.maxCost)],
    includeStacktraceInErrorResponses: false,
  });
}
