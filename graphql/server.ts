import { readFileSync } from "node:fs";
import path from "node:path";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import depthLimit from "graphql-depth-limit";
import { directiveEstimator, getComplexity, simpleEstimator } from "graphql-query-complexity";
import { ROOT } from "../lib/config";
import { withAccessChecks } from "./access";
import type { Context } from "./context";
import { lowerCaseEnums } from "./enums";
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

/** Parsing a huge document is itself the cost: longer ones are refused while parsing, before validation. */
const MAX_TOKENS = 5000;

/** graphql-js's own words for an over-long document ("more that 5000 tokens") as a plain BAD_USER_INPUT. */
function formatError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!/Document contains more that \d+ tokens/.test(formatted.message)) return formatted;
  return { message: `the query is too long (more than ${MAX_TOKENS} tokens): ask for fewer fields or aliases`, extensions: { code: "BAD_USER_INPUT", maxTokens: MAX_TOKENS } };
}

export function createApolloServer(opts: { maxDepth: number; maxCost: number }): ApolloServer<Context> {
  return new ApolloServer<Context>({
    typeDefs,
    resolvers: { ...withAccessChecks(typeDefs, resolvers), ...lowerCaseEnums(typeDefs) },
    // CSRF prevention stays on (Apollo's default); introspection helps API clients.
    introspection: true,
    parseOptions: { maxTokens: MAX_TOKENS },
    validationRules: [depthLimit(opts.maxDepth)],
    formatError,
    plugins: [costLimit(opts.maxCost)],
    includeStacktraceInErrorResponses: false,
  });
}
