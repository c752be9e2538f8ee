import { Kind, parse } from "graphql";

/** Enums only the schema's directives use: they never reach a resolver. */
const DIRECTIVE_ONLY = new Set(["Role"]);

/**
 * The API spells enum values in capitals (PENDING, FINE_TUNE); the database and lib/ in lower case
 * (Prisma's enums, QueueOrder, Restriction). Apollo maps between the two here, for every enum of the
 * schema, in both directions: arguments reach the resolvers in lower case and lower-case results leave
 * in capitals, so no resolver converts case (graphql/codegen.yml types them the same way).
 */
export function lowerCaseEnums(typeDefs: string): Record<string, Record<string, string>> {
  const enums: Record<string, Record<string, string>> = {};
  for (const def of parse(typeDefs).definitions) {
    if (def.kind !== Kind.ENUM_TYPE_DEFINITION || DIRECTIVE_ONLY.has(def.name.value)) continue;
    enums[def.name.value] = Object.fromEntries((def.values ?? []).map((v) => [v.name.value, v.name.value.toLowerCase()]));
  }
  return enums;
}
