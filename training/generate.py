"""Generate the handwriting-style dataset: font-rendered and stroke-drawn characters, EMNIST-converted.

Writes IDX files (byclass62 labels) plus an EMNIST-style mapping and a manifest. Whole fonts are held
out for the test split, the analogue of EMNIST's held-out writers. Deterministic for a given seed.
Stopping is safe: finished fonts are kept under <out>/.parts and skipped on the next run.

  /usr/bin/python3 training/generate.py --out data/generated [--seed 1] [--per-font 30] [--workers 2]
"""
import argparse
import hashlib
import json
import os
import sys
import time
import zlib
from multiprocessing import Pool
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from scipy.ndimage import binary_dilation, gaussian_filter, map_coordinates

sys.path.insert(0, str(Path(__file__).resolve().parent))
from convert import SIZE, emnist_convert  # noqa: E402
from fonts import caps_only, covered_chars, handwriting_fonts, hershey_fonts, parse_jhf  # noqa: E402
from idx import write_idx  # noqa: E402

LOWER = "abcdefghijklmnopqrstuvwxyz"
CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" + LOWER
CANVAS = 160
PREFIX = "handprint-byclass62"


def elastic(img: np.ndarray, rng, alpha: float, sigma: float) -> np.ndarray:
    h, w = img.shape
    dx = gaussian_filter(rng.uniform(-1, 1, (h, w)), sigma) * alpha
    dy = gaussian_filter(rng.uniform(-1, 1, (h, w)), sigma) * alpha
    y, x = np.meshgrid(np.arange(h), np.arange(w), indexing="ij")
    return map_coordinates(img, [y + dy, x + dx], order=1, mode="constant")


def affine(im: Image.Image, rng) -> Image.Image:
    angle = np.deg2rad(rng.normal(0, 6))
    shear = rng.normal(0, 0.15)
    sx = np.exp(rng.normal(0, 0.12))  # aspect-ratio change
    c, s = np.cos(angle), np.sin(angle)
    m = np.array([[c, -s], [s, c]]) @ np.array([[1, shear], [0, 1]]) @ np.diag([sx, 1.0])
    inv = np.linalg.inv(m)
    cx = cy = CANVAS / 2
    off = np.array([cx, cy]) - inv @ np.array([cx, cy])
    return im.transform(im.size, Image.AFFINE, (inv[0, 0], inv[0, 1], off[0], inv[1, 0], inv[1, 1], off[1]), resample=Image.BILINEAR)


def stroke_width(im: Image.Image, rng) -> Image.Image:
    r = rng.random()
    if r < 0.25:
        return im.filter(ImageFilter.MinFilter(3))
    if r < 0.55:
        return im.filter(ImageFilter.MaxFilter(3))
    if r < 0.65:
        return im.filter(ImageFilter.MaxFilter(5))
    return im


def finish(im: Image.Image, rng) -> np.ndarray | None:
    arr = np.asarray(im, np.float32) / 255.0
    if rng.random() < 0.8:
        arr = elastic(arr, rng, alpha=rng.uniform(20, 60), sigma=rng.uniform(6, 9))
    out = emnist_convert(arr)
    if out is None:
        return None
    if rng.random() < 0.3:
        noisy = out.astype(np.float32) + rng.normal(0, rng.uniform(2, 12), out.shape)
        out = np.clip(noisy, 0, 255).astype(np.uint8)
    return out


def render_font_char(font: ImageFont.FreeTypeFont, ch: str, rng) -> Image.Image:
    im = Image.new("L", (CANVAS, CANVAS), 0)
    draw = ImageDraw.Draw(im)
    left, top, right, bottom = draw.textbbox((0, 0), ch, font=font)
    draw.text(((CANVAS - (right - left)) / 2 - left, (CANVAS - (bottom - top)) / 2 - top), ch, font=font, fill=255)
    return stroke_width(affine(im, rng), rng)


def skeleton(mask: np.ndarray) -> np.ndarray:
    """Zhang-Suen thinning: the one-pixel centre line of a glyph, the path a pen would have taken."""
    img = mask.astype(np.uint8)
    changed = True
    while changed:
        changed = False
        for step in (0, 1):
            p = np.pad(img, 1)
            n = [p[:-2, 1:-1], p[:-2, 2:], p[1:-1, 2:], p[2:, 2:], p[2:, 1:-1], p[2:, :-2], p[1:-1, :-2], p[:-2, :-2]]
            count = sum(n)
            ring = n + [n[0]]
            transitions = sum(((ring[i] == 0) & (ring[i + 1] == 1)).astype(np.uint8) for i in range(8))
            p2, p4, p6, p8 = n[0], n[2], n[4], n[6]
            c1, c2 = (p2 * p4 * p6, p4 * p6 * p8) if step == 0 else (p2 * p4 * p8, p2 * p6 * p8)
            remove = (img == 1) & (count >= 2) & (count <= 6) & (transitions == 1) & (c1 == 0) & (c2 == 0)
            if remove.any():
                img[remove] = 0
                changed = True
    return img.astype(bool)


def restroke_font_char(font: ImageFont.FreeTypeFont, ch: str, rng) -> Image.Image:
    """A handwriting font's glyph reduced to its skeleton and drawn again with a pen of random width."""
    im = Image.new("L", (CANVAS, CANVAS), 0)
    draw = ImageDraw.Draw(im)
    left, top, right, bottom = draw.textbbox((0, 0), ch, font=font)
    draw.text(((CANVAS - (right - left)) / 2 - left, (CANVAS - (bottom - top)) / 2 - top), ch, font=font, fill=255)
    centre = skeleton(np.asarray(im) > 127)
    radius = int(rng.integers(1, 6))
    yy, xx = np.mgrid[-radius : radius + 1, -radius : radius + 1]
    pen = binary_dilation(centre, structure=(xx * xx + yy * yy) <= radius * radius)
    stroked = Image.fromarray((gaussian_filter(pen.astype(np.float32), 0.7) * 255).astype(np.uint8))
    return affine(stroked, rng)


def draw_strokes(strokes: list[np.ndarray], rng) -> Image.Image:
    """Draw a single-stroke glyph the way a pen on a canvas would: jittered path, random width and slant."""
    pts = np.concatenate(strokes)
    lo, hi = pts.min(0), pts.max(0)
    scale = rng.uniform(80, 110) / max(hi[0] - lo[0], hi[1] - lo[1], 1)
    slant = rng.normal(0.1, 0.15)
    centre = (lo + hi) / 2
    supersample = 2
    size = CANVAS * supersample
    im = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(im)
    width = int(rng.uniform(3, 12) * supersample)
    wobble = rng.uniform(0.3, 1.5)
    for stroke in strokes:
        seg = np.diff(stroke, axis=0)
        n = max(2, int(np.hypot(seg[:, 0], seg[:, 1]).sum() * 2) + 2)
        t = np.linspace(0, len(stroke) - 1, n)
        path = np.stack([np.interp(t, np.arange(len(stroke)), stroke[:, k]) for k in (0, 1)], 1)
        jitter = gaussian_filter(rng.normal(0, wobble, path.shape), sigma=(4, 0)) if n > 4 else 0
        path = (path - centre + jitter) * scale
        path[:, 0] -= slant * path[:, 1]
        path = (path + CANVAS / 2) * supersample
        coords = [tuple(p) for p in path]
        draw.line(coords, fill=255, width=width, joint="curve")
        for p in (coords[0], coords[-1]):
            draw.ellipse([p[0] - width / 2, p[1] - width / 2, p[0] + width / 2, p[1] + width / 2], fill=255)
    return affine(im.resize((CANVAS, CANVAS), Image.LANCZOS), rng)


def seed_for(*parts) -> int:
    return zlib.crc32("/".join(map(str, parts)).encode())


def make_part(job: dict) -> dict:
    part = Path(job["part"])
    if part.exists():
        return {"font": job["font"]["name"], "skipped": True}
    rng = np.random.default_rng(seed_for(job["seed"], job["font"]["name"], job["split"]))
    images, labels = [], []
    font = job["font"]
    if font["kind"] == "hershey":
        glyphs = parse_jhf(Path(font["path"]))
        make = lambda ch: draw_strokes(glyphs[ch], rng)  # noqa: E731
    else:
        sizes = [ImageFont.truetype(font["path"], s) for s in (72, 84, 96, 108)]
        share = job.get("skeletons", 0.0)

        def make(ch):
            size = sizes[rng.integers(len(sizes))]
            if share and rng.random() < share:
                return restroke_font_char(size, ch, rng)
            return render_font_char(size, ch, rng)
    for ch in font["chars"]:
        for _ in range(job["count"]):
            img = finish(make(ch), rng)
            if img is not None:
                images.append(img)
                labels.append(CHARS.index(ch))
    tmp = part.with_suffix(".tmp.npz")
    np.savez(tmp, images=np.array(images, np.uint8).reshape(-1, SIZE, SIZE), labels=np.array(labels, np.uint8))
    tmp.replace(part)
    return {"font": font["name"], "images": len(images)}


def choose_test_families(fonts: list[dict], seed: int, fraction: float) -> set[str]:
    """Whole families held out, like EMNIST's held-out writers. Small families only, so that no single
    family (six faces of one designer, say) dominates the test set."""
    families = sorted({f["family"] for f in fonts}, key=lambda fam: hashlib.sha256(f"{seed}:{fam}".encode()).hexdigest())
    want = max(1, round(len(fonts) * fraction))
    chosen, held = set(), 0
    for fam in families:
        size = sum(f["family"] == fam for f in fonts)
        if held >= want or size > 2:
            continue
        chosen.add(fam)
        held += size
    return chosen


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default="data/generated")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per-font", type=int, default=40, help="training images per character per font (strokes get 1.5x)")
    ap.add_argument("--test-per-font", type=int, default=10)
    ap.add_argument("--test-fraction", type=float, default=0.16, help="share of fonts held out for test")
    ap.add_argument("--max-fonts", type=int, default=0, help="use only the first N fonts (quick runs, tests)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--skeletons", type=float, default=0.3,
                    help="share of font images drawn again from the glyph's skeleton with a random pen, as a finger or mouse would")
    args = ap.parse_args()

    out = Path(args.out)
    (out / ".parts").mkdir(parents=True, exist_ok=True)
    fonts = [dict(f, kind="font") for f in handwriting_fonts()] + [dict(f, kind="hershey") for f in hershey_fonts()]
    if args.max_fonts:
        fonts = fonts[: args.max_fonts]
    for f in fonts:
        if f["kind"] == "hershey":
            f["chars"] = CHARS
        else:
            f["capsOnly"] = caps_only(f["path"])
            f["chars"] = covered_chars(f["path"], CHARS.removesuffix(LOWER) if f["capsOnly"] else CHARS)
    outline = [f for f in fonts if f["kind"] == "font"]
    strokes = [f for f in fonts if f["kind"] == "hershey"]
    test_families = choose_test_families(outline, args.seed, args.test_fraction) | choose_test_families(strokes, args.seed, args.test_fraction)

    jobs = []
    for f in fonts:
        split = "test" if f["family"] in test_families else "train"
        count = args.test_per_font if split == "test" else args.per_font
        if f["kind"] == "hershey":
            count = int(count * 1.5)
        skel = f"-sk{args.skeletons:g}" if args.skeletons and f["kind"] == "font" else ""
        chars = zlib.crc32(f["chars"].encode())
        jobs.append({"font": f, "split": split, "count": count, "seed": args.seed, "skeletons": args.skeletons,
                     "part": str(out / ".parts" / f"{args.seed}-{f['name']}-{split}-{count}{skel}-{chars:08x}.npz")})

    start, done = time.time(), 0
    print(json.dumps({"event": "start", "fonts": len(fonts), "test_fonts": sum(j["split"] == "test" for j in jobs)}), flush=True)
    with Pool(max(1, args.workers)) as pool:
        for res in pool.imap_unordered(make_part, jobs):
            done += 1
            elapsed = time.time() - start
            print(json.dumps({"event": "progress", "done": done, "total": len(jobs), **res,
                              "eta_s": round(elapsed / done * (len(jobs) - done), 1)}), flush=True)

    manifest = {"seed": args.seed, "classes": "byclass62", "chars": CHARS, "orientation": "upright", "skeletons": args.skeletons,
                "capsOnlyFonts": sorted(f["name"] for f in fonts if f.get("capsOnly")), "splits": {}}
    for split in ("train", "test"):
        parts = [np.load(j["part"]) for j in jobs if j["split"] == split]
        images = np.concatenate([p["images"] for p in parts])
        labels = np.concatenate([p["labels"] for p in parts])
        order = np.random.default_rng(seed_for(args.seed, "shuffle", split)).permutation(len(labels))
        write_idx(out / f"{PREFIX}-{split}-images-idx3-ubyte.gz", images[order])
        write_idx(out / f"{PREFIX}-{split}-labels-idx1-ubyte.gz", labels[order])
        manifest["splits"][split] = {"images": int(len(labels)), "fonts": sorted(j["font"]["name"] for j in jobs if j["split"] == split)}
    (out / f"{PREFIX}-mapping.txt").write_text("".join(f"{i} {ord(c)}\n" for i, c in enumerate(CHARS)))
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1))
    print(json.dumps({"event": "done", "train": manifest["splits"]["train"]["images"], "test": manifest["splits"]["test"]["images"],
                      "seconds": round(time.time() - start, 1)}), flush=True)


if __name__ == "__main__":
    main()
