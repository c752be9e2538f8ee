import { GraphQLScalarType, Kind } from "graphql";
import { checkHealth } from "../../lib/health";
import { activeModelVersion, classSetList, listModelVersions } from "../../lib/models/versions";
import type { Resolvers } from "../generated/types";

const DateTime = new GraphQLScalarType({
  name: "DateTime",
  description: "ISO 8601 date and time",
  serialize: (v) => (v instanceof Date ? v.toISOString() : String(v)),
  parseValue: (v) => new Date(String(v)),
  parseLiteral: (ast) => (ast.kind === Kind.STRING ? new Date(ast.value) : null),
});

const JSONScalar = new GraphQLScalarType({
  name: "JSON",
  description: "Any JSON value",
  serialize: (v) => v,
  parseValue: (v) => v,
});

export const modelResolvers: Pick<Resolvers, "DateTime" | "JSON" | "Query"> = {
  DateTime,
  JSON: JSONScalar,
  Query: {
    health: async (_, __, ctx) => {
      const h = await checkHealth(ctx.db, ctx.activeModel);
      return { ok: h.ok, database: h.database, model: h.model };
    },
    activeModel: (_, __, ctx) => activeModelVersion(ctx.db),
    models: (_, __, ctx) => listModelVersions(ctx.db),
    classSets: () => classSetList(),
  },
};
