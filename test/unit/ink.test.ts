import { extremeFilter, subtractBackground } from "../../lib/image/ink";
import { rng } from "../fixtures/glyphs";

describe("lib/image ink", () => {
  it("the sliding minimum and maximum match a brute-force window at every size and radius", () => {
    const rand = rng(7);
    for (const [width, height, r] of [[1, 1, 3], [5, 3, 1], [17, 9, 2], [40, 31, 6], [64, 64, 24], [23, 50, 30]]) {
      const src = Float32Array.from({ length: width * height }, () => Math.round(rand() * 255));
      for (const max of [false, true]) {
        const pick = max ? Math.max : Math.min;
        const fast = extremeFilter(src, width, height, r, max);
        const wrong: string[] = [];
        for (let y = 0; y < height; y++) {
          for (let x = 0; x < width; x++) {
            let want = max ? -Infinity : Infinity;
            for (let yy = Math.max(0, y - r); yy <= Math.min(height - 1, y + r); yy++) {
              for (let xx = Math.max(0, x - r); xx <= Math.min(width - 1, x + r); xx++) want = pick(want, src[yy * width + xx]);
            }
            if (fast[y * width + x] !== want) wrong.push(`${width}x${height} r${r} ${max ? "max" : "min"} at ${x},${y}`);
          }
        }
        expect(wrong).toEqual([]);
      }
    }
  });

  it("leaves ink on clean paper as it is, and takes uneven light away where the paper is not clean", () => {
    const [width, height] = [96, 96];
    const stroke = (x: number, y: number) => (Math.abs(x - y) < 3 ? 200 : 0) + (Math.abs(x + y - 95) < 2 ? 120 : 0);
    const clean = Float32Array.from({ length: width * height }, (_, i) => Math.min(255, stroke(i % width, (i / width) | 0)));
    expect(Array.from(subtractBackground(clean, width, height))).toEqual(Array.from(clean));

    // the same strokes under a shadow that darkens the paper from left to right (ink = 255 - grey, so shade adds ink)
    const shade = (x: number) => 10 + x;
    const shaded = Float32Array.from({ length: width * height }, (_, i) => Math.min(255, shade(i % width) + stroke(i % width, (i / width) | 0)));
    const out = subtractBackground(shaded, width, height);
    const at = (x: number, y: number) => out[y * width + x];
    expect(at(50, 5)).toBeLessThan(5); // paper in the shadow: back to no ink
    expect(at(10, 60)).toBeLessThan(5);
    expect(at(20, 20)).toBeGreaterThan(150); // the stroke keeps its contrast
  });
});
