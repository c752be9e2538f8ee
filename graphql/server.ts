import { readFileSync } from "node:fs";
import path from "node:path";
import { ApolloServer } from "@apollo/server";
import { ROOT } from "../lib/config";
import type { Context } from "./context";
import { resolvers } from "./resolvers";

export const typeDefs = readFileSync(path.join(ROOT, "graphql", "schema.graphql"), "utf8");

export function createApolloServer(): ApolloServer<Context> {
  return new ApolloServer<Context>({
    typeDefs,
    resolvers,
    // CSRF prevention stays on (the default); introspection is useful to API clients.
    introspection: true,
  });
}
