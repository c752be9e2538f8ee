import { readFile } from "node:fs/promises";
import path from "node:path";
import type { ModelVersion, Prisma } from "../../db/generated/client";
import { parseCard } from "../../models/card";
import { loadGateSets, runGate, type GateDecision } from "../gate";
import { checkParity, type ParityResult } from "../parity";
import type { RunContext } from "../run-context";
import { parseJsonFile, ParityFixture } from "../trainer-output";
import type { Prepared } from "./prepare";
import type { Trained } from "./train";

export type Judgement = { parity: ParityResult; decision: GateDecision };

/**
 * The candidate in onnxruntime-node, the runtime that will serve it: first the same answers as PyTorch
 * on the trainer's held-out images (parity), then the gate against the active model.
 */
export async function judge(ctx: RunContext, prepared: Prepared, trained: Trained, candidate: ModelVersion): Promise<Judgement> {
  const { db, cfg, log } = ctx;
  await ctx.phase("checking parity");
  const fixture = parseJsonFile(ParityFixture, await readFile(path.join(trained.runDir, "parity.json"), "utf8"), "parity.json");
  const parity = await checkParity(candidate.onnx, fixture);
  log.add(`parity with PyTorch on ${parity.images} images: argmax agreement ${(parity.argmaxAgreement * 100).toFixed(1)}%, largest difference ${parity.maxAbsDiff.toExponential(1)}`);
  if (!parity.ok) throw new Error(`the ONNX export does not match PyTorch (argmax agreement ${parity.argmaxAgreement}, largest difference ${parity.maxAbsDiff})`);

  await ctx.phase("judging");
  const { active } = prepared;
  const decision = await runGate(
    { onnx: candidate.onnx, classes: trained.result.classes, classSet: prepared.classSet },
    active ? { onnx: active.onnx, classes: parseCard(active.card, `model version ${active.number}`).classes, classSet: active.classSet } : undefined,
    await loadGateSets(db),
    cfg.GATE_TOLERANCE_POINTS,
  );
  log.add(`gate: ${decision.pass ? "passed" : "failed"}: ${decision.reason}`);
  const metrics = { gate: decision, heldOut: trained.result.test, parity };
  await db.modelVersion.update({ where: { id: candidate.id }, data: { metrics: metrics as unknown as Prisma.InputJsonValue, status: decision.pass ? "candidate" : "rejected" } });
  return { parity, decision };
}
