import { readFileSync } from "node:fs";
import { analyseUpload, unwrap } from "../../lib/image/analyse";
import { inThreadHost, ModelThread } from "../../lib/inference/model-host";
import { canvasPng, glyphPng } from "../fixtures/glyphs";

const BUNDLED = readFileSync("models/handprint-balanced47.onnx");

async function images(): Promise<Uint8Array[]> {
  const pngs = [await canvasPng("7"), await glyphPng("T", { size: 200 }), await canvasPng("4", { rotate: 3 }), await glyphPng("O", { size: 150 })];
  return Promise.all(pngs.map(async (png) => unwrap(await analyseUpload(png, 40_000_000)).pixels));
}

describe("the model thread", () => {
  let thread: ModelThread;
  afterEach(async () => thread?.destroy());

  it("answers exactly what a session in this thread answers, batched or one at a time", async () => {
    thread = new ModelThread(1);
    const batch = await images();
    const here = await (await inThreadHost(1).open("bundled", BUNDLED)).run(batch);
    const there = await thread.open("bundled", BUNDLED);
    expect((await there.run(batch)).map((row) => Array.from(row))).toEqual(here.map((row) => Array.from(row)));
    expect(Array.from((await there.run([batch[2]]))[0])).toEqual(Array.from(here[2]));
  });

  it("opens the session again on the new thread after its thread dies, and releases it", async () => {
    thread = new ModelThread(1);
    const batch = await images();
    const model = await thread.open("bundled", BUNDLED);
    const before = await model.run(batch);
    await thread.thread.terminate();
    const after = await model.run(batch);
    expect(after.map((row) => Array.from(row))).toEqual(before.map((row) => Array.from(row)));
    await model.release();
    // released: the next run has to open it again, and does
    expect((await model.run(batch)).map((row) => Array.from(row))).toEqual(before.map((row) => Array.from(row)));
  });
});
