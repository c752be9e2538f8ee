import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  parse,
  typeFromAST,
  type DocumentNode,
  type GraphQLInputType,
  type OperationDefinitionNode,
} from "graphql";
import * as operations from "../../app/_generated/graphql";
import { queryCost, typeDefs } from "../../graphql/server";
import { parseConfig } from "../../lib/config";

const schema = buildSchema(typeDefs);
const maxCost = parseConfig({}).GRAPHQL_MAX_COST;

/** A value of each required variable, enough for the cost estimate to read its multipliers. */
function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) return Object.fromEntries(Object.values(type.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, sampleValue(f.type)]));
  return { ID: "1", String: "x", Int: 1, Float: 1, Boolean: false }[type.name] ?? "x";
}

function sampleVariables(document: DocumentNode): Record<string, unknown> {
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === "OperationDefinition")!;
  return Object.fromEntries((operation.variableDefinitions ?? []).map((v) => [v.variable.name.value, sampleValue(typeFromAST(schema, v.type as never) as GraphQLInputType)]));
}

describe("GraphQL cost counts what a query sends", () => {
  it("every operation the pages send stays within the default limit", () => {
    const documents = Object.entries(operations).filter(([name]) => name.endsWith("Document"));
    expect(documents.length).toBeGreaterThan(10);
    const costs = documents.map(([name, doc]) => {
      const document = parse(String(doc));
      return [name, queryCost(schema, document, sampleVariables(document))] as const;
    });
    const over = costs.filter(([, cost]) => cost > maxCost);
    expect(over).toEqual([]);
  });

  it("counts a field's characters at a long line's size, and each image28", () => {
    const one = queryCost(schema, parse('{ field(id: "1") { characters { image28 } } }'));
    expect(one).toBeGreaterThan(1000); // 100 characters, each image costing 10
    const aliases = `{ ${Array.from({ length: 350 }, (_, i) => `f${i}: field(id: "1") { characters { image28 } }`).join(" ")} }`;
    expect(queryCost(schema, parse(aliases))).toBeGreaterThan(50 * maxCost);
  });
});
