import { readFile } from "node:fs/promises";
import path from "node:path";
import { getDMMF } from "@prisma/get-dmmf";
import mariadb from "mariadb";
import { ROOT } from "../config";
import { connectionOptions } from "./url";

/**
 * Compares prisma/schema.prisma with a migrated database: every model has its table; every field its
 * column with a compatible type and the same nullability; every id, index, unique and foreign key exists.
 * Returns the differences, empty when they agree. (We cannot run `prisma migrate diff`: its engine is a
 * binary we cannot download.)
 */

type Field = {
  name: string;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isRequired: boolean;
  isList: boolean;
  nativeType?: [string, string[]] | null;
  dbName?: string | null;
  relationFromFields?: string[];
  relationToFields?: string[];
};
type Model = { name: string; dbName: string | null; fields: Field[] };
type Index = { model: string; type: "id" | "normal" | "unique" | "fulltext"; fields: { name: string }[] };
type Datamodel = { models: Model[]; enums: { name: string; values: { name: string; dbName?: string | null }[] }[]; indexes: Index[] };

type Column = { TABLE_NAME: string; COLUMN_NAME: string; DATA_TYPE: string; COLUMN_TYPE: string; IS_NULLABLE: string };
type Stat = { TABLE_NAME: string; INDEX_NAME: string; NON_UNIQUE: number | bigint; SEQ_IN_INDEX: number | bigint; COLUMN_NAME: string };
type Fk = { TABLE_NAME: string; COLUMN_NAME: string; REFERENCED_TABLE_NAME: string; REFERENCED_COLUMN_NAME: string };

/** MySQL DATA_TYPEs that a Prisma type may map to. MariaDB stores JSON as LONGTEXT with a CHECK. */
const DEFAULT_TYPES: Record<string, string[]> = {
  String: ["varchar"],
  Int: ["int"],
  BigInt: ["bigint"],
  Float: ["double"],
  Decimal: ["decimal"],
  Boolean: ["tinyint"],
  DateTime: ["datetime"],
  Json: ["json", "longtext"],
  Bytes: ["longblob"],
};

const NATIVE_TYPES: Record<string, string> = {
  VarChar: "varchar",
  Char: "char",
  Text: "text",
  TinyText: "tinytext",
  MediumText: "mediumtext",
  LongText: "longtext",
  Blob: "blob",
  TinyBlob: "tinyblob",
  MediumBlob: "mediumblob",
  LongBlob: "longblob",
  VarBinary: "varbinary",
  Binary: "binary",
  Int: "int",
  UnsignedInt: "int",
  SmallInt: "smallint",
  TinyInt: "tinyint",
  BigInt: "bigint",
  Double: "double",
  Float: "float",
  DateTime: "datetime",
  Timestamp: "timestamp",
  Date: "date",
  Json: "json",
};

async function loadDatamodel(schemaPath = path.join(ROOT, "prisma", "schema.prisma")): Promise<Datamodel> {
  const result = await getDMMF({ datamodel: await readFile(schemaPath, "utf8") });
  if ("reason" in result) throw new Error(`cannot read ${schemaPath}: ${result.reason}`);
  return result.datamodel as unknown as Datamodel;
}

function describeDrift(dm: Datamodel, columns: Column[], stats: Stat[], fks: Fk[]): string[] {
  const problems: string[] = [];
  const tableOf = (m: Model) => m.dbName ?? m.name;
  const columnOf = (m: Model, fieldName: string) => {
    const f = m.fields.find((x) => x.name === fieldName);
    return f?.dbName ?? fieldName;
  };
  const tables = new Set(columns.map((c) => c.TABLE_NAME));
  const enums = new Map(dm.enums.map((e) => [e.name, e.values.map((v) => v.dbName ?? v.name)]));

  for (const model of dm.models) {
    const table = tableOf(model);
    if (!tables.has(table)) {
      problems.push(`table ${table} (model ${model.name}) is missing`);
      continue;
    }
    for (const field of model.fields) {
      if (field.kind === "object") continue;
      const name = field.dbName ?? field.name;
      const col = columns.find((c) => c.TABLE_NAME === table && c.COLUMN_NAME === name);
      if (!col) {
        problems.push(`column ${table}.${name} is missing`);
        continue;
      }
      const nullable = col.IS_NULLABLE === "YES";
      if (nullable === field.isRequired) {
        problems.push(`column ${table}.${name} is ${nullable ? "NULL" : "NOT NULL"} but the field is ${field.isRequired ? "required" : "optional"}`);
      }
      const dataType = col.DATA_TYPE.toLowerCase();
      if (field.kind === "enum") {
        const want = enums.get(field.type) ?? [];
        const got = (col.COLUMN_TYPE.match(/^enum\((.*)\)$/i)?.[1] ?? "").split(",").map((v) => v.trim().replace(/^'|'$/g, ""));
        if (dataType !== "enum" || want.join(",") !== got.join(",")) {
          problems.push(`column ${table}.${name} is ${col.COLUMN_TYPE}, expected enum(${want.join(", ")})`);
        }
        continue;
      }
      const expected = field.nativeType ? [NATIVE_TYPES[field.nativeType[0]] ?? field.nativeType[0].toLowerCase()] : DEFAULT_TYPES[field.type];
      if (!expected?.includes(dataType)) {
        problems.push(`column ${table}.${name} is ${col.COLUMN_TYPE}, expected ${expected?.join(" or ") ?? field.type}`);
      } else if (field.nativeType?.[1]?.length && ["VarChar", "Char"].includes(field.nativeType[0])) {
        const want = `${expected[0]}(${field.nativeType[1][0]})`;
        if (col.COLUMN_TYPE.toLowerCase() !== want) problems.push(`column ${table}.${name} is ${col.COLUMN_TYPE}, expected ${want}`);
      }
    }
    for (const field of model.fields) {
      if (field.kind !== "object" || !field.relationFromFields?.length) continue;
      const target = dm.models.find((m) => m.name === field.type);
      if (!target) continue;
      field.relationFromFields.forEach((from, i) => {
        const col = columnOf(model, from);
        const ref = columnOf(target, field.relationToFields?.[i] ?? "id");
        const found = fks.some(
          (fk) => fk.TABLE_NAME === table && fk.COLUMN_NAME === col && fk.REFERENCED_TABLE_NAME === tableOf(target) && fk.REFERENCED_COLUMN_NAME === ref,
        );
        if (!found) problems.push(`foreign key ${table}.${col} -> ${tableOf(target)}.${ref} (relation ${model.name}.${field.name}) is missing`);
      });
    }
  }

  const indexes = new Map<string, { unique: boolean; columns: string[] }>();
  for (const s of [...stats].sort((a, b) => Number(a.SEQ_IN_INDEX) - Number(b.SEQ_IN_INDEX))) {
    const key = `${s.TABLE_NAME}.${s.INDEX_NAME}`;
    const entry = indexes.get(key) ?? { unique: Number(s.NON_UNIQUE) === 0, columns: [] };
    entry.columns.push(s.COLUMN_NAME);
    indexes.set(key, entry);
  }
  for (const index of dm.indexes) {
    const model = dm.models.find((m) => m.name === index.model);
    if (!model || !tables.has(tableOf(model))) continue;
    const table = tableOf(model);
    const cols = index.fields.map((f) => columnOf(model, f.name));
    const unique = index.type !== "normal" && index.type !== "fulltext";
    const found = [...indexes.entries()].some(
      ([key, ix]) => key.startsWith(`${table}.`) && ix.columns.join(",") === cols.join(",") && (!unique || ix.unique),
    );
    if (!found) problems.push(`${index.type === "id" ? "primary key" : unique ? "unique index" : "index"} on ${table}(${cols.join(", ")}) is missing`);
  }
  return problems;
}

export async function checkDrift(databaseUrl: string, schemaPath?: string): Promise<string[]> {
  const dm = await loadDatamodel(schemaPath);
  const conn = await mariadb.createConnection(connectionOptions(databaseUrl));
  try {
    const [columns, stats, fks] = await Promise.all([
      conn.query<Column[]>(
        "SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, IS_NULLABLE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()",
      ),
      conn.query<Stat[]>(
        "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()",
      ),
      conn.query<Fk[]>(
        "SELECT TABLE_NAME, COLUMN_NAME, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME IS NOT NULL",
      ),
    ]);
    return describeDrift(dm, columns, stats, fks);
  } finally {
    await conn.end();
  }
}
