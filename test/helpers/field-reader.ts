import { readFileSync } from "node:fs";
import type { ServingModel } from "../../lib/inference/active-model";
import { previewField, type ReadDeps, type ReadInput } from "../../lib/fields/read";
import { analyseField, unwrap } from "../../lib/image/analyse";
import { Batcher } from "../../lib/inference/batcher";
import { inThreadHost } from "../../lib/inference/model-host";
import { CLASS_SETS } from "../../lib/models/classsets";

const MAX_INPUT_PIXELS = 40_000_000;

/**
 * The field reader as the server runs it (lib/fields/read), minus the database and the image pool: the
 * lattice is built in this thread and a batcher runs a balanced47 model. For previews only.
 */
export async function inThreadFieldReader(modelPath: string): Promise<(bytes: Buffer, input?: Omit<ReadInput, "bytes">) => ReturnType<typeof previewField>> {
  const session = await inThreadHost(1).open(modelPath, readFileSync(modelPath));
  const model = { id: 1, number: 1, classSet: "balanced47", classes: CLASS_SETS.balanced47.labels, session } as unknown as ServingModel;
  const deps: ReadDeps = {
    pool: undefined as never, // previews store nothing
    db: undefined as never,
    batcher: new Batcher(async () => model, { maxBatch: 64 }),
    model: async () => model,
    analyseField: async (bytes) => unwrap(await analyseField(bytes, MAX_INPUT_PIXELS)),
    maxUploadBytes: 10_000_000,
  };
  return (bytes, input = {}) => previewField(deps, { bytes, ...input });
}
