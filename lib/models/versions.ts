import type { Db } from "../db/client";
import type { ModelStatus } from "../db/generated/client";
import { parseCard } from "./card";
import { CLASS_SETS } from "./classsets";

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

/** A model version in the API's shape: its classes from the card, its parent by number. */
function modelView(row: ModelRow) {
  const card = parseCard(row.card, `model version ${row.number}`);
  return { ...row, classes: card.classes, parentNumber: row.parent?.number ?? null };
}

export async function activeModelVersion(db: Db) {
  const row = await db.modelVersion.findFirst({ where: { status: "active" }, orderBy: { activatedAt: "desc" }, select: MODEL_SELECT });
  return row ? modelView(row) : null;
}

export async function listModelVersions(db: Db) {
  return (await db.modelVersion.findMany({ orderBy: { number: "desc" }, select: MODEL_SELECT })).map(modelView);
}

export async function requireModelVersion(db: Db, id: number) {
  return modelView(await db.modelVersion.findUniqueOrThrow({ where: { id }, select: MODEL_SELECT }));
}

export const classSetList = () => Object.values(CLASS_SETS).map(({ name, labels }) => ({ name, labels }));
