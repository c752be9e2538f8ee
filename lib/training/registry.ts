import type { Db } from "../db/client";
import { ApiError } from "../api-errors";

/** Makes one version the active one, retiring the one before it, in one transaction. */
export async function activate(db: Db, id: number): Promise<void> {
  await db.$transaction(async (tx) => {
    const target = await tx.modelVersion.findUnique({ where: { id }, select: { id: true, status: true } });
    if (!target) throw new ApiError("NOT_FOUND", `no model version ${id}`);
    if (target.status === "active") return;
    await tx.modelVersion.updateMany({ where: { status: "active" }, data: { status: "retired" } });
    await tx.modelVersion.update({ where: { id }, data: { status: "active", activatedAt: new Date() } });
  });
}

/** An admin's promotion of any version (a rejected candidate included): the gate is overruled knowingly. */
export async function promoteModel(db: Db, id: number) {
  await activate(db, id);
  return db.modelVersion.findUniqueOrThrow({ where: { id } });
}

/** Back to an earlier version that once served. */
export async function rollbackModel(db: Db, id: number) {
  const target = await db.modelVersion.findUnique({ where: { id }, select: { status: true, activatedAt: true } });
  if (!target) throw new ApiError("NOT_FOUND", `no model version ${id}`);
  if (target.status === "active") throw new ApiError("CONFLICT", `model version ${id} is already active`);
  if (!target.activatedAt) throw new ApiError("BAD_USER_INPUT", `model version ${id} never served; promote it instead`);
  await activate(db, id);
  return db.modelVersion.findUniqueOrThrow({ where: { id } });
}
