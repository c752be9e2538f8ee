import { GraphQLScalarType, Kind } from "graphql";
import { checkHealth } from "../../lib/health";
import { CLASS_SETS } from "../../lib/models/classsets";
import { parseCard } from "../../lib/models/card";
import type { ModelStatus } from "../../lib/db/generated/client";
import type { Resolvers } from "../generated/types";

type ModelRow = {
  id: number;
  number: number;
  classSet: string;
  status: ModelStatus;
  sha256: string;
  card: unknown;
  metrics: unknown;
  createdAt: Date;
  activatedAt: Date | null;
  parent?: { number: number } | null;
};

const MODEL_SELECT = {
  id: true,
  number: true,
  classSet: true,
  status: true,
  sha256: true,
  card: true,
  metrics: true,
  createdAt: true,
  activatedAt: true,
  dataCounts: true,
  parent: { select: { number: true } },
} as const;

function modelVersion(row: ModelRow) {
  const card = parseCard(row.card, `model version ${row.number}`);
  return {
    ...row,
    id: String(row.id),
    classes: card.classes,
    parentNumber: row.parent?.number ?? null,
  };
}

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

export { MODEL_SELECT, modelVersion };

export const modelResolvers: Pick<Resolvers, "DateTime" | "JSON" | "Query"> = {
  DateTime,
  JSON: JSONScalar,
  Query: {
    health: async (_, __, ctx) => {
      const h = await checkHealth(ctx.db, ctx.activeModel);
      return { ok: h.ok, database: h.database, model: h.model };
    },
    activeModel: async (_, __, ctx) => {
      const row = await ctx.db.modelVersion.findFirst({
        where: { status: "active" },
        orderBy: { activatedAt: "desc" },
        select: MODEL_SELECT,
      });
      return row ? modelVersion(row) : null;
    },
    models: async (_, __, ctx) =>
      (await ctx.db.modelVersion.findMany({ orderBy: { number: "desc" }, select: MODEL_SELECT })).map(modelVersion),
    classSets: () => Object.values(CLASS_SETS).map(({ name, labels }) => ({ name, labels })),
  },
};
