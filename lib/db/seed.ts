import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { generatePassword, hashPassword } from "../auth/password";
import { cardPathFor, parseCard } from "../models/card";
import type { Db } from "./client";
import type { Prisma } from "./generated/client";

/** Creates the first admin account when there is none. Returns the password when it was generated. */
export async function ensureAdmin(db: Db, username: string, password?: string): Promise<{ created: boolean; generatedPassword?: string }> {
  if ((await db.user.count({ where: { role: "admin" } })) > 0) return { created: false };
  const chosen = password ?? generatePassword();
  await db.user.create({ data: { username, passwordHash: await hashPassword(chosen), role: "admin" } });
  return { created: true, generatedPassword: password ? undefined : chosen };
}

/**
 * Registers the bundled ONNX model and makes it active when no model is active yet.
 * Idempotent: the same file (by sha256) is never stored twice.
 */
export async function registerBundledModel(db: Db, onnxPath: string): Promise<{ number: number; registered: boolean }> {
  const active = await db.modelVersion.findFirst({ where: { status: "active" }, select: { number: true } });
  if (active) return { number: active.number, registered: false };
  const onnx = await readFile(onnxPath).catch(() => {
    throw new Error(`the bundled model ${onnxPath} is missing; restore it from git or set BUNDLED_MODEL`);
  });
  const cardPath = cardPathFor(onnxPath);
  const card = parseCard(JSON.parse(await readFile(cardPath, "utf8")), cardPath);
  const sha256 = createHash("sha256").update(onnx).digest("hex");
  const weights = await readFile(onnxPath.replace(/\.onnx$/, ".pt")).catch(() => undefined);
  return db.$transaction(async (tx) => {
    const existing = await tx.modelVersion.findFirst({ where: { sha256 }, select: { id: true, number: true } });
    if (existing) {
      await tx.modelVersion.update({ where: { id: existing.id }, data: { status: "active", activatedAt: new Date() } });
      return { number: existing.number, registered: false };
    }
    const last = await tx.modelVersion.aggregate({ _max: { number: true } });
    const number = (last._max.number ?? 0) + 1;
    await tx.modelVersion.create({
      data: {
        number,
        classSet: card.classSet,
        onnx,
        weights,
        sha256,
        card: card as Prisma.InputJsonValue,
        metrics: (card.metrics as Prisma.InputJsonValue | undefined) ?? undefined,
        status: "active",
        activatedAt: new Date(),
      },
    });
    return { number, registered: true };
  });
}
