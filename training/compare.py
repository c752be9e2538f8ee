"""Train and score the replaced system's two Keras architectures beside ours, on the same data and split.

  /usr/bin/python3 training/compare.py --data data/generated [--ours-result data/runs/bundled/result.json]

The legacy models use the old recipe (Adam, batch 100, 10 epochs, no augmentation). Ours is trained here
too unless --ours-result points at a finished run on the same data. Prints one Markdown table.
"""
import argparse
import json
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train  # noqa: E402
from model import ARCHITECTURES  # noqa: E402


def latency_ms(arch: str, classes: int, width: int = 32, runs: int = 500) -> float:
    """Batch-1 forward time on one CPU thread, the same way for every architecture."""
    torch.set_num_threads(1)
    model = (ARCHITECTURES[arch](classes, width=width) if arch == "handprint" else ARCHITECTURES[arch](classes)).eval()
    x = torch.rand(1, 1, 28, 28)
    with torch.no_grad():
        for _ in range(50):
            model(x)
        t = time.perf_counter()
        for _ in range(runs):
            model(x)
    return (time.perf_counter() - t) / runs * 1000


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default="data/generated")
    ap.add_argument("--classes", default="balanced47")
    ap.add_argument("--out", default="data/runs/compare")
    ap.add_argument("--legacy-epochs", type=int, default=10)
    ap.add_argument("--epochs", type=int, default=12, help="epochs for ours when it is trained here")
    ap.add_argument("--ours-result", help="result.json of a finished run of ours on the same data")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args(argv)
    common = ["--data", args.data, "--classes", args.classes, "--no-export"] + (["--limit", str(args.limit)] if args.limit else [])
    legacy = ["--optimizer", "adam", "--lr", "1e-3", "--batch-size", "100", "--schedule", "constant", "--augment", "0",
              "--label-smoothing", "0", "--epochs", str(args.legacy_epochs)]
    runs = {}
    for arch in ("legacy-dense", "legacy-cnn"):
        out = Path(args.out) / arch
        train.main(common + legacy + ["--arch", arch, "--out", str(out)])
        runs[arch] = json.loads((out / "result.json").read_text())
    if args.ours_result:
        runs["handprint"] = json.loads(Path(args.ours_result).read_text())
    else:
        out = Path(args.out) / "handprint"
        train.main(common + ["--arch", "handprint", "--epochs", str(args.epochs), "--out", str(out)])
        runs["handprint"] = json.loads((out / "result.json").read_text())

    names = {"legacy-dense": "replaced: dense 784-455-250-170-120-50", "legacy-cnn": "replaced: CNN conv64-pool-256-50", "handprint": "handprint CNN (ours)"}
    rows = []
    for arch, r in runs.items():
        rows.append({"model": names[arch], "top1": r["test"]["top1"], "top5": r["test"]["top5"], "parameters": r["parameters"],
                     "epochs": r["epochs"], "train_seconds": r["train_seconds"], "latency_ms": round(latency_ms(arch, len(r["classes"])), 3)})
    table = ["| model | held-out top-1 | top-5 | parameters | epochs | training time (CPU) | batch-1 latency (1 thread, PyTorch) |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for r in rows:
        table.append(f"| {r['model']} | {r['top1'] * 100:.2f}% | {r['top5'] * 100:.2f}% | {r['parameters']:,} | {r['epochs']} | "
                     f"{r['train_seconds'] / 60:.1f} min | {r['latency_ms']:.3f} ms |")
    Path(args.out).mkdir(parents=True, exist_ok=True)
    (Path(args.out) / "compare.json").write_text(json.dumps(rows, indent=1))
    print("\n".join(table))


if __name__ == "__main__":
    main()
