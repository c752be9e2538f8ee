import { segmentField } from "../../lib/fields/segment";
import { ImageError } from "../../lib/image/image-error";
import { loadModel, runBatch, type LoadedModel } from "../../lib/inference/session";
import { CLASS_SETS } from "../../lib/models/classsets";
import { BUNDLED_MODEL } from "../helpers/app";
import { fieldPng } from "../fixtures/glyphs";

const opts = { maxInputPixels: 40_000_000 };

describe("lib/fields segmentField", () => {
  let model: LoadedModel;
  beforeAll(async () => {
    model = await loadModel(BUNDLED_MODEL);
  });

  const classify = (images: Uint8Array[]) => runBatch(model, images);

  /** What the bundled model reads in each segment, spaces included; touching characters split when `split`. */
  async function read(png: Buffer, split = false): Promise<string> {
    const characters = await segmentField(png, opts, split ? classify : undefined);
    const rows = await runBatch(model, characters.map((c) => c.pixels));
    const labels = CLASS_SETS.balanced47.labels;
    return characters.map((c, i) => (c.spaceBefore ? " " : "") + labels[rows[i].indexOf(Math.max(...rows[i]))]).join("");
  }

  it("finds the characters of a line left to right, each with its box in the original image", async () => {
    const characters = await segmentField(await fieldPng("47LX"), opts);
    expect(characters).toHaveLength(4);
    const xs = characters.map((c) => c.box.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    for (const c of characters) {
      expect(c.pixels).toHaveLength(784);
      expect(c.box.width).toBeGreaterThan(30);
      expect(c.box.height).toBeGreaterThan(50);
    }
    expect(await read(await fieldPng("47LX"))).toBe("47LX");
  });

  it("turns a wide gap into a space", async () => {
    expect(await read(await fieldPng("47 LX"))).toBe("47 LX");
  });

  it("keeps the dot of an i and the two bars of = with their character", async () => {
    const characters = await segmentField(await fieldPng("i=i"), opts);
    expect(characters).toHaveLength(3);
  });

  it("reads chalk on a board, and a line ruled under the writing is not a character", async () => {
    expect(await read(await fieldPng("T4O", { ink: "#f0f0f0", paper: "#1b2a1b" }))).toBe("T4O");
    expect(await segmentField(await fieldPng("7L4", { ruled: true }), opts)).toHaveLength(3);
  });

  it("splits touching characters where the model reads the pieces better than the whole", async () => {
    const touchingTL = await fieldPng("TL", { pitch: 55 });
    expect(await segmentField(touchingTL, opts)).toHaveLength(1); // one connected part
    expect(await read(touchingTL, true)).toBe("TL");
    expect(await read(await fieldPng("7T", { pitch: 60 }), true)).toBe("7T");
    // characters that do not touch are left as they are
    expect(await read(await fieldPng("47 LX"), true)).toBe("47 LX");
  });

  it('answers "no writing found" for a blank image', async () => {
    const err = await segmentField(await fieldPng("    "), opts).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImageError);
    expect((err as ImageError).message).toMatch(/^no writing found/);
  });
});
