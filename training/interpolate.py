"""Weight interpolation of a fine-tuned model with the model it started from (WiSE-FT, Wortsman et al. 2022).

A fine-tune on new data (real handwriting) drifts from what its starting point knew (the generated,
canvas-like styles); the straight line between the two sets of weights often keeps more of both. Writes a
run folder like train.py's (model.onnx, parity.json, weights.pt, result.json), ready for model:publish.

  /usr/bin/python3 training/interpolate.py --start old.pt --tuned runs/ft/weights.pt --alpha 0.7 \\
      --result runs/ft/result.json --test-data data/generated --out runs/ft-wise
"""
import argparse
import json
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from classsets import class_set  # noqa: E402
from model import HandprintNet  # noqa: E402
from run_folder import write_run_folder  # noqa: E402
from train import emit  # noqa: E402


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--start", required=True, help="weights the fine-tune started from")
    ap.add_argument("--tuned", required=True, help="the fine-tuned weights")
    ap.add_argument("--alpha", type=float, required=True, help="share of the fine-tuned weights, 0..1")
    ap.add_argument("--result", required=True, help="the fine-tune's result.json (data, recipe, history)")
    ap.add_argument("--test-data", nargs="+", required=True, metavar="SOURCE", help="held-out IDX data to score the result on")
    ap.add_argument("--out", required=True)
    args = ap.parse_args(argv)
    if not 0 <= args.alpha <= 1:
        raise SystemExit("--alpha must be between 0 and 1")
    start, tuned = (torch.load(p, map_location="cpu") for p in (args.start, args.tuned))
    shape = {"width": tuned.get("width", 32), "depth": tuned.get("depth", 2)}
    if start["classes"] != tuned["classes"] or {"width": start.get("width", 32), "depth": start.get("depth", 2)} != shape:
        raise SystemExit("the two models differ in classes, width or depth; only a fine-tune and its starting point can be interpolated")
    mixed = {k: (v.float() * args.alpha + start["model"][k].float() * (1 - args.alpha)).to(v.dtype) if v.is_floating_point() else v
             for k, v in tuned["model"].items()}
    spec = class_set(tuned["class_set"])
    model = HandprintNet(len(spec["labels"]), **shape)
    model.load_state_dict(mixed)
    result = json.loads(Path(args.result).read_text())
    result["interpolated"] = {"alpha": args.alpha, "start": str(args.start), "tuned": str(args.tuned)}
    result = write_run_folder(model, spec, shape, args.test_data, result, Path(args.out))
    emit(event="done", top1=result["test"]["top1"], top5=result["test"]["top5"], alpha=args.alpha, out=str(args.out))


if __name__ == "__main__":
    main()
