"""NIST Special Database 19 (PNG folders) -> IDX files, converted exactly as EMNIST was.

  /usr/bin/python3 training/sd19.py --src /path/to/by_class --out data/nist [--test-partitions hsf_4]

Reads `by_class` or `by_merge`: <class hex>/hsf_<k>/*.png (128x128, black ink on white). Only the per-writer
hsf_* partitions are read (the train_* folders repeat them). The split is writer-disjoint by partition:
NIST's own test partition hsf_4 by default, whose writers appear in no other partition.
Stopping is safe: finished class folders are kept under <out>/.parts and skipped on the next run.
"""
import argparse
import json
import sys
import time
from multiprocessing import Pool
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
from convert import SIZE, emnist_convert  # noqa: E402
from idx import write_idx  # noqa: E402

BYCLASS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def class_char(folder: str) -> str:
    """'4a' -> 'J'; by_merge folders such as '43_63' take their first code."""
    return chr(int(folder.split("_")[0], 16))


def convert_png(path: Path) -> np.ndarray | None:
    gray = np.asarray(Image.open(path).convert("L"), np.float32) / 255.0
    return emnist_convert(1.0 - gray)


def convert_folder(job: dict) -> dict:
    part = Path(job["part"])
    if part.exists():
        return {"class": job["char"], "skipped": True}
    images, partitions = [], []
    for png in job["files"]:
        img = convert_png(Path(png))
        if img is not None:
            images.append(img)
            partitions.append(Path(png).parent.name)
    tmp = part.with_suffix(".tmp.npz")
    np.savez(tmp, images=np.array(images, np.uint8).reshape(-1, SIZE, SIZE), partitions=np.array(partitions))
    tmp.replace(part)
    return {"class": job["char"], "images": len(images)}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src", required=True, help="the by_class or by_merge folder")
    ap.add_argument("--out", required=True)
    ap.add_argument("--test-partitions", default="hsf_4", help="comma-separated hsf partitions for the test split")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    src, out = Path(args.src), Path(args.out)
    if not src.is_dir():
        raise SystemExit(f"not a folder: {src}")
    kind = "bymerge47" if "merge" in src.name else "byclass62"
    test_parts = set(args.test_partitions.split(","))
    (out / ".parts").mkdir(parents=True, exist_ok=True)
    jobs = []
    for folder in sorted(p for p in src.iterdir() if p.is_dir()):
        ch = class_char(folder.name)
        if ch not in BYCLASS:
            continue
        files = sorted(str(f) for part in folder.glob("hsf_*") for f in part.glob("*.png"))
        if files:
            jobs.append({"char": ch, "files": files, "part": str(out / ".parts" / f"{folder.name}.npz")})
    if not jobs:
        raise SystemExit(f"{src}: no <class>/hsf_*/*.png files found; point --src at by_class or by_merge")
    start = time.time()
    with Pool(max(1, args.workers)) as pool:
        for done, res in enumerate(pool.imap_unordered(convert_folder, jobs), start=1):
            elapsed = time.time() - start
            eta_s = round(elapsed / done * (len(jobs) - done), 1)
            print(json.dumps({"event": "progress", "done": done, "total": len(jobs), **res, "eta_s": eta_s}), flush=True)
    chars = sorted({j["char"] for j in jobs}, key=BYCLASS.index)
    prefix = f"nist-{kind}"
    split_images = {"train": [], "test": []}
    split_labels = {"train": [], "test": []}
    for job in jobs:
        part = np.load(job["part"])
        for img, partition in zip(part["images"], part["partitions"], strict=True):
            split = "test" if str(partition) in test_parts else "train"
            split_images[split].append(img)
            split_labels[split].append(chars.index(job["char"]))
    for split in ("train", "test"):
        images = np.array(split_images[split], np.uint8).reshape(-1, SIZE, SIZE)
        write_idx(out / f"{prefix}-{split}-images-idx3-ubyte.gz", images)
        write_idx(out / f"{prefix}-{split}-labels-idx1-ubyte.gz", np.array(split_labels[split], np.uint8))
    (out / f"{prefix}-mapping.txt").write_text("".join(f"{i} {ord(c)}\n" for i, c in enumerate(chars)))
    counts = {split: len(split_labels[split]) for split in ("train", "test")}
    print(json.dumps({"event": "done", **counts, "test_partitions": sorted(test_parts)}), flush=True)


if __name__ == "__main__":
    main()
