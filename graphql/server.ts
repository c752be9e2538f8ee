import { readFileSync } from "node:fs";
import path from "node:path";
import { ApolloServer } from "@apollo/server";
import depthLimit from "graphql-depth-limit";
import { ROOT } from "../lib/config";
import type { Context } from "./context";
import { resolvers } from "./resolvers";

export const typeDefs = readFileSync(path.join(ROOT, "graphql", "schema.graphql"), "utf8");

export function createApolloServer(opts: { maxDepth: number }): ApolloServer<Context> {
  return new ApolloServer<Context>({
    typeDefs,
    resolvers,
    // CSRF prevention stays on (Apollo's default); introspection helps API clients.
    introspection: true,
    validationRules: [depthLimit(opts.maxDepth)],
    includeStacktraceInErrorResponses: false,
  });
}
