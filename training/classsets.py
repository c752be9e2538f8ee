"""The contract shared with the TypeScript side (lib/models/classsets.ts): models/classsets.json holds the
class sets, the image geometry and EMNIST's file layout; this module is its Python reading."""
import json
from pathlib import Path

_RAW = json.loads((Path(__file__).resolve().parent.parent / "models" / "classsets.json").read_text())
GEOMETRY = _RAW["_image"]
TRANSPOSED_PREFIXES = tuple(_RAW["_emnist"]["transposed"])
NAMES = [k for k in _RAW if not k.startswith("_")]


class ClassSet(dict):
    """A class set: its labels in order and the merges that fold a character into a class ("o" -> "O")."""

    def fold(self, char: str) -> str:
        return self["merge"].get(char, char)

    def index_of(self, label: str) -> int:
        """The class a label stands for, -1 if none; a many-character label ("Aa", EMNIST letters) has one
        only where the set folds all of its characters into the same class."""
        found = {self["index"].get(self.fold(c), -1) for c in label}
        return found.pop() if len(found) == 1 else -1


def class_set(name: str) -> ClassSet:
    if name not in NAMES:
        raise SystemExit(f"unknown class set {name!r}; known: {', '.join(NAMES)}")
    labels = list(_RAW[name]["labels"])
    return ClassSet(name=name, labels=labels, merge=_RAW[name].get("merge", {}), index={c: i for i, c in enumerate(labels)})
