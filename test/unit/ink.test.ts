import { extremeFilter } from "../../lib/image/ink";
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
});
