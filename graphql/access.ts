import { Kind, parse } from "graphql";
import { requireAdmin } from "../lib/auth/guard";
import type { Context } from "./context";
import { gqlError } from "./resolver-errors";

/**
 * Who may use a field is declared in schema.graphql with @access(role: PUBLIC | ADMIN): on every Query
 * and Mutation field, and on object fields that are admin-only inside public types (Sample.original).
 * This module reads those declarations and puts the admin check in front of every ADMIN field, so no
 * resolver has to remember it; a root field without a declaration stops the server at start-up.
 */
export type Role = "PUBLIC" | "ADMIN";

const ROOT_TYPES = ["Query", "Mutation"];

/** "Type.field" -> its declared role (undefined where none is declared), for every object type. */
export function declaredAccess(typeDefs: string): Map<string, Role | undefined> {
  const access = new Map<string, Role | undefined>();
  for (const def of parse(typeDefs).definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const field of def.fields ?? []) {
      const directive = field.directives?.find((d) => d.name.value === "access");
      const role = directive?.arguments?.find((a) => a.name.value === "role")?.value;
      access.set(`${def.name.value}.${field.name.value}`, role?.kind === Kind.ENUM ? (role.value as Role) : undefined);
    }
  }
  return access;
}

/** Root fields that declare no role: must be none. */
export function undeclaredRootFields(typeDefs: string): string[] {
  return [...declaredAccess(typeDefs)].filter(([name, role]) => ROOT_TYPES.includes(name.split(".")[0]) && !role).map(([name]) => name);
}

type Resolver = (parent: unknown, args: never, ctx: Context, info: unknown) => unknown;

export function withAccessChecks<R extends object>(typeDefs: string, resolvers: R): R {
  const undeclared = undeclaredRootFields(typeDefs);
  if (undeclared.length) throw new Error(`schema.graphql: declare @access(role: PUBLIC | ADMIN) on ${undeclared.join(", ")}`);
  const wrapped = { ...resolvers } as Record<string, Record<string, Resolver> | undefined>;
  for (const [name, role] of declaredAccess(typeDefs)) {
    if (role !== "ADMIN") continue;
    const [type, field] = name.split(".");
    const resolve: Resolver = wrapped[type]?.[field] ?? ((parent) => (parent as Record<string, unknown>)[field]);
    const checked: Resolver = (parent, args, ctx, info) => {
      try {
        requireAdmin(ctx.user);
      } catch (err) {
        throw gqlError(err);
      }
      return resolve(parent, args, ctx, info);
    };
    wrapped[type] = { ...wrapped[type], [field]: checked };
  }
  return wrapped as R;
}
