import type { CSSProperties } from "react";

type Box = { x: number; y: number; width: number; height: number };

/** A box in an image's pixels, placed over that image drawn at any size (absolute, in percent). */
export function boxStyle(box: Box, width: number, height: number): CSSProperties {
  return { left: `${(box.x / width) * 100}%`, top: `${(box.y / height) * 100}%`, width: `${(box.width / width) * 100}%`, height: `${(box.height / height) * 100}%` };
}
