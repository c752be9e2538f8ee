import { readFileSync } from "node:fs";
import path from "node:path";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, NoFragmentCyclesRule, validate, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema, type ValidationRule } from "graphql";
import depthLimit from "graphql-depth-limit";
import { directiveEstimator, getComplexity, simpleEstimator, type ComplexityEstimator } from "graphql-query-complexity";
import { ROOT } from "../lib/config";
import { withAccessChecks } from "./access";
import type { Context } from "./context";
import { lowerCaseEnums } from "./enums";
import { resolvers } from "./resolvers";

export const typeDefs = readFileSync(path.join(ROOT, "graphql", "schema.graphql"), "utf8");

/**
 * Lists without a size argument, counted at the size they may reach: a field of a long line holds about a
 * hundred characters, and asking for each one's image28 must cost what it sends.
 */
const LIST_SIZES: Record<string, number> = { "Field.characters": 100, "Field.alternatives": 5 };

const listSizeEstimator: ComplexityEstimator = ({ type, field, childComplexity }) => {
  const size = LIST_SIZES[`${type.name}.${field.name}`];
  return size === undefined ? undefined : 1 + size * childComplexity;
};

/** What a query costs (see costLimit). */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string): number {
  return getComplexity({
    schema,
    query: document,
    operationName,
    variables,
    estimators: [listSizeEstimator, directiveEstimator({ name: "complexity" }), simpleEstimator({ defaultComplexity: 1 })],
  });
}

/**
 * Refuses a query whose cost (schema.graphql's @complexity, unsized lists at LIST_SIZES, 1 for other
 * fields, aliases counted each time) is over the limit, after validation and before any resolver runs.
 */
function costLimit(maxCost: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let cost: number;
          try {
            cost = queryCost(schema, document, request.variables ?? {}, request.operationName ?? undefined);
          } catch (err) {
            // The cost is computed before execution coerces the variables, so a missing or wrong-typed
            // variable is found here first: the caller's mistake, not the server's.
            if (!(err instanceof GraphQLError)) throw err;
            throw new GraphQLError(clip(err.message), { extensions: { code: "BAD_USER_INPUT", http: { status: 400 } } });
          }
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

/** An error message never echoes more than this of what the caller sent (a 1 MB id, a 1 MB enum value). */
const MAX_MESSAGE = 200;
const clip = (message: string) => (message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message);

/**
 * graphql-js's own words for an over-long document ("more that 5000 tokens") as a plain BAD_USER_INPUT;
 * every message clipped, and a message's did-you-mean list with it.
 */
function formatError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (/Document contains more that \d+ tokens/.test(formatted.message)) {
    return { message: `the query is too long (more than ${MAX_TOKENS} tokens): ask for fewer fields or aliases`, extensions: { code: "BAD_USER_INPUT", maxTokens: MAX_TOKENS } };
  }
  return { ...formatted, message: clip(formatted.message) };
}

/**
 * graphql-depth-limit follows fragment spreads without remembering where it has been, so a fragment
 * cycle overflowed the stack (a 500) before graphql-js's own rule refused the cycle; a document with a
 * cycle is left to that rule.
 */
function depthLimitUnlessCyclic(maxDepth: number): ValidationRule {
  const limit = depthLimit(maxDepth);
  return (context) => (validate(context.getSchema(), context.getDocument(), [NoFragmentCyclesRule]).length ? {} : limit(context));
}

/** Bad input answers 400 even when a resolver found it (graphql-js would answer 200 with the error). */
const badInputIs400: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== "single" || response.http.status) return;
        if (response.body.singleResult.errors?.some((e) => e.extensions?.code === "BAD_USER_INPUT")) response.http.status = 400;
      },
    };
  },
};

export function createApolloServer(opts: { maxDepth: number; maxCost: number }): ApolloServer<Context> {
  return new ApolloServer<Context>({
    typeDefs,
    resolvers: { ...withAccessChecks(typeDefs, resolvers), ...lowerCaseEnums(typeDefs) },
    // CSRF prevention stays on (Apollo's default); introspection helps API clients.
    introspection: true,
    parseOptions: { maxTokens: MAX_TOKENS },
    validationRules: [depthLimitUnlessCyclic(opts.maxDepth)],
    formatError,
    plugins: [costLimit(opts.maxCost), badInputIs400],
    includeStacktraceInErrorResponses: false,
  });
}
