"""Datasets as IDX files: EMNIST (folder or the official zip, every split) and our own generated set.

A source folder holds `<prefix>-<split>-images-idx3-ubyte[.gz]`, the matching labels file and
`<prefix>-mapping.txt` (label -> character code, EMNIST's format). EMNIST's raw images are transposed;
files whose names start with `emnist-` are transposed back on load.
"""
import gzip
import json
import re
import zipfile
from pathlib import Path

import numpy as np

from idx import parse_idx

ROOT = Path(__file__).resolve().parent.parent
CLASS_SETS = json.loads((ROOT / "models" / "classsets.json").read_text())
_IMAGES = re.compile(r"(?:^|/)(?P<prefix>[^/]+)-(?P<split>train|test)-images-idx3-ubyte(?:\.gz)?$")


def class_set(name: str) -> dict:
    if name not in CLASS_SETS or name.startswith("_"):
        raise SystemExit(f"unknown class set {name!r}; known: {', '.join(k for k in CLASS_SETS if not k.startswith('_'))}")
    spec = CLASS_SETS[name]
    return {"name": name, "labels": list(spec["labels"]), "merge": spec.get("merge", {})}


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
        matches = [p for p in prefixes if p == name or p.endswith(f"-{name}")]
        if len(matches) != 1:
            raise SystemExit(f"{source.path}: split {name!r} matches {matches or 'nothing'}; available: {', '.join(prefixes)}")
        return matches[0]
    if len(prefixes) > 1:
        raise SystemExit(f"{source.path}: holds several splits ({', '.join(prefixes)}); choose one with --source-split")
    return prefixes[0]


def load(path, split: str, source_split: str | None = None) -> tuple[np.ndarray, list[str], str]:
    """Returns (images uint8 [n,28,28] upright, chars per sample label, prefix)."""
    source = Source(path)
    prefix = pick_prefix(source, source_split)
    images = parse_idx(source.read_bytes(source.find(prefix, f"{split}-images-idx3-ubyte")), prefix)
    labels = parse_idx(source.read_bytes(source.find(prefix, f"{split}-labels-idx1-ubyte")), prefix)
    mapping = {}
    for line in source.read_bytes(source.find(prefix, "mapping.txt")).decode().split("\n"):
        parts = line.split()
        if len(parts) >= 2:
            mapping[int(parts[0])] = chr(int(parts[1]))
    if prefix.startswith("emnist-"):
        images = images.transpose(0, 2, 1)
    chars = [mapping[int(v)] for v in labels]
    return np.ascontiguousarray(images), chars, prefix


def to_class_set(images: np.ndarray, chars: list[str], spec: dict) -> tuple[np.ndarray, np.ndarray]:
    """Maps characters to the class set's labels, dropping characters it does not have."""
    index = {c: i for i, c in enumerate(spec["labels"])}
    labels = np.array([index.get(spec["merge"].get(c, c), -1) for c in chars], np.int64)
    keep = labels >= 0
    return images[keep], labels[keep]
