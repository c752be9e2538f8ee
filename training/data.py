"""Datasets as IDX files: EMNIST (folder or the official zip, every split) and our own generated set.

A source folder holds `<prefix>-<split>-images-idx3-ubyte[.gz]`, the matching labels file and
`<prefix>-mapping.txt` (label -> character code, EMNIST's format). EMNIST's raw images are transposed;
files whose names start with `emnist-` are transposed back on load.
"""
import gzip
import re
import zipfile
from pathlib import Path

import numpy as np

from classsets import GEOMETRY, TRANSPOSED_PREFIXES
from idx import parse_idx

_IMAGES = re.compile(r"(?:^|/)(?P<prefix>[^/]+)-(?P<split>train|test)-images-idx3-ubyte(?:\.gz)?$")


class Source:
    """A folder or a zip archive of IDX files."""

    def __init__(self, path):
        self.path = Path(path)
        if not self.path.exists():
            raise SystemExit(f"dataset not found: {self.path}")
        if self.path.suffix == ".zip":
            self._zip = zipfile.ZipFile(self.path)
            self.names = self._zip.namelist()
        else:
            self._zip = None
            self.names = [str(p.relative_to(self.path)) for p in self.path.rglob("*") if p.is_file()]

    def read_bytes(self, name: str) -> bytes:
        data = self._zip.read(name) if self._zip else (self.path / name).read_bytes()
        return gzip.decompress(data) if name.endswith(".gz") else data

    def has(self, prefix: str, split: str) -> bool:
        return any(n.rsplit("/", 1)[-1] in (f"{prefix}-{split}-images-idx3-ubyte", f"{prefix}-{split}-images-idx3-ubyte.gz") for n in self.names)

    def prefixes(self) -> list[str]:
        return sorted({m["prefix"] for n in self.names if (m := _IMAGES.search(n))})

    def find(self, prefix: str, suffix: str) -> str:
        for n in self.names:
            base = n.rsplit("/", 1)[-1]
            if base in (f"{prefix}-{suffix}", f"{prefix}-{suffix}.gz"):
                return n
        raise SystemExit(f"{self.path}: missing {prefix}-{suffix}[.gz]")


def pick_prefix(source: Source, name: str | None) -> str:
    prefixes = source.prefixes()
    if not prefixes:
        raise SystemExit(f"{source.path}: no *-train-images-idx3-ubyte files found")
    if name:
        matches = [p for p in prefixes if p == name or p.endswith(f"-{name}") or f"-{name}-part" in p]
        if len(matches) != 1:
            raise SystemExit(f"{source.path}: split {name!r} matches {matches or 'nothing'}; available: {', '.join(prefixes)}")
        return matches[0]
    if len(prefixes) > 1:
        raise SystemExit(f"{source.path}: holds several splits ({', '.join(prefixes)}); choose one with --source-split")
    return prefixes[0]


def read_prefix(source: Source, prefix: str, split: str) -> tuple[np.ndarray, list[str]]:
    """Images uint8 [n,28,28] upright and, per image, the characters its label stands for.

    EMNIST's letters split gives one label to upper and lower case (`1 65 97`): such a label stands
    for "Aa", and only a class set that merges the pair can use it (see to_class_set).
    """
    images = parse_idx(source.read_bytes(source.find(prefix, f"{split}-images-idx3-ubyte")), prefix)
    labels = parse_idx(source.read_bytes(source.find(prefix, f"{split}-labels-idx1-ubyte")), prefix)
    if images.shape[1:] != (GEOMETRY["height"], GEOMETRY["width"]):
        raise SystemExit(f"{prefix}: images are {images.shape[1]}x{images.shape[2]}, expected {GEOMETRY['height']}x{GEOMETRY['width']}")
    if len(labels) != len(images):
        raise SystemExit(f"{prefix}: {len(images)} images but {len(labels)} labels")
    mapping = {}
    for line in source.read_bytes(source.find(prefix, "mapping.txt")).decode().split("\n"):
        parts = line.split()
        if len(parts) >= 2:
            mapping[int(parts[0])] = "".join(chr(int(code)) for code in parts[1:])
    if any(prefix.startswith(p) for p in TRANSPOSED_PREFIXES):
        images = images.transpose(0, 2, 1)
    missing = sorted({int(v) for v in np.unique(labels)} - set(mapping))
    if missing:
        raise SystemExit(f"{prefix}: label {missing[0]} is not in the mapping file")
    chars = [mapping[int(v)] for v in labels]
    return np.ascontiguousarray(images), chars


def load(path, split: str, source_split: str | None = None) -> tuple[np.ndarray, list[str], str]:
    """One split of one source: (images upright, characters per image, prefix)."""
    source = Source(path)
    prefix = pick_prefix(source, source_split)
    images, chars = read_prefix(source, prefix, split)
    return images, chars, prefix


def parse_source(arg: str) -> tuple[str, str | None]:
    """`PATH` or `PATH:SPLIT` (SPLIT picks one prefix of a folder holding several, e.g. `../shared/emnist:bymerge`)."""
    if ":" in arg:
        path, split = arg.rsplit(":", 1)
        if path and split and "/" not in split and Path(path).exists():
            return path, split
    return arg, None


def load_sources(args: list[str], split: str, spec: dict, skip_missing: bool = False) -> tuple[np.ndarray, np.ndarray, list[dict]]:
    """Several sources in one set, each mapped to the class set; a folder of several prefixes gives all of them.

    EMNIST's splits overlap, so an image that appears twice (same pixels, same class) is kept once.
    Returns images, labels and a line per source argument (which prefixes, how many images used, and its
    slice [start, end) of the arrays, for epoch_order). With skip_missing, a source without this split is
    passed over (the held-out set defaults to the test splits of the sources that have one).
    """
    xs, ys, summary = [], [], []
    seen: set[bytes] = set()
    start = 0
    for arg in args:
        path, chosen = parse_source(arg)
        source = Source(path)
        prefixes = [pick_prefix(source, chosen)] if chosen else [p for p in source.prefixes() if source.has(p, split)]
        if not prefixes and not skip_missing:
            raise SystemExit(f"{path}: no {split} split (*-{split}-images-idx3-ubyte)")
        for prefix in prefixes:
            images, chars = read_prefix(source, prefix, split)
            x, y = to_class_set(images, chars, spec)
            keys = [row.tobytes() + bytes([label]) for row, label in zip(x.reshape(len(x), -1), y.astype(np.uint8), strict=True)]
            fresh = np.array([k not in seen for k in keys], bool) if len(keys) else np.zeros(0, bool)
            seen.update(keys)
            xs.append(x[fresh])
            ys.append(y[fresh])
            summary.append({"source": str(path), "prefix": prefix, "images": int(len(images)), "used": int(fresh.sum()),
                            "outside_class_set": int(len(images) - len(fresh)), "duplicates": int((~fresh).sum()),
                            "start": start, "end": start + int(fresh.sum()), "arg": arg})
            start += int(fresh.sum())
    if not xs:
        hint = "; name held-out data with --test-data" if split == "test" else ""
        raise SystemExit(f"none of {', '.join(args)} has a {split} split{hint}")
    return np.concatenate(xs), np.concatenate(ys), summary


def epoch_order(summary: list[dict], weights: dict[str, float], generator) -> "torch.Tensor":  # noqa: F821 (torch is imported lazily)
    """One epoch's shuffled indices: each source drawn `weight` times (2 = every image twice, 0.3 = a fresh
    random 30% each epoch), so a small real set can weigh against a large generated one."""
    import torch

    parts = []
    for s in summary:
        n, w = s["end"] - s["start"], weights.get(s["arg"], 1.0)
        whole, frac = int(w), w - int(w)
        parts += [torch.arange(s["start"], s["end"])] * whole
        if frac > 0 and n:
            parts.append(s["start"] + torch.randperm(n, generator=generator)[: round(n * frac)])
    idx = torch.cat(parts) if parts else torch.zeros(0, dtype=torch.long)
    return idx[torch.randperm(len(idx), generator=generator)]


def to_class_set(images: np.ndarray, chars: list[str], spec: dict) -> tuple[np.ndarray, np.ndarray]:
    """Maps each image's characters to the class set's labels, dropping what the set has no single label for.

    A label that stands for several characters ("Aa", EMNIST letters) is kept only where the class set
    folds all of them into one class.
    """
    per_text = {t: spec.index_of(t) for t in set(chars)}
    labels = np.array([per_text[c] for c in chars], np.int64)
    keep = labels >= 0
    return images[keep], labels[keep]
