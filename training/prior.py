"""Logit adjustment against the training data's class frequencies (Menon et al., 2021), baked into the model.

A model trained on NIST's natural frequencies (digits are about 55%) carries that prior in its logits: it
says `0` for a round shape that could be `O`, which is right on NIST forms and wrong for a letter drawn on
the canvas. Subtracting tau * log(prior) from the last layer's bias removes tau of it: tau 1 is the
classifier a class-balanced training would give, tau 0 the model unchanged. Writes a run folder like
train.py's, ready for model:publish and `npm run eval`.

  /usr/bin/python3 training/prior.py --weights runs/x/weights.pt --prior-data ../shared/emnist-train:emnist-bymerge-pool \\
      --tau 1 --result runs/x/result.json --test-data data/generated --out runs/x-balanced
"""
import argparse
import json
import sys
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from classsets import class_set  # noqa: E402
from data import load_sources  # noqa: E402
from model import HandprintNet  # noqa: E402
from run_folder import write_run_folder  # noqa: E402
from train import emit  # noqa: E402


def class_prior(sources: list[str], spec: dict) -> np.ndarray:
    """Each class's share of the training split of `sources`, every class counted at least once."""
    _, labels, _ = load_sources(sources, "train", spec)
    counts = np.bincount(labels, minlength=len(spec["labels"])).astype(np.float64) + 1
    return counts / counts.sum()


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--weights", required=True, help="the trained model's weights.pt")
    ap.add_argument("--prior-data", nargs="+", required=True, metavar="SOURCE", help="the data whose class frequencies it learned")
    ap.add_argument("--tau", type=float, required=True, help="how much of the prior to remove: 0 none, 1 all")
    ap.add_argument("--result", required=True, help="the training run's result.json (data, recipe, history)")
    ap.add_argument("--test-data", nargs="+", required=True, metavar="SOURCE", help="held-out IDX data to score the result on")
    ap.add_argument("--out", required=True)
    args = ap.parse_args(argv)
    saved = torch.load(args.weights, map_location="cpu")
    spec = class_set(saved["class_set"])
    shape = {"width": saved.get("width", 32), "depth": saved.get("depth", 2)}
    model = HandprintNet(len(spec["labels"]), **shape)
    model.load_state_dict(saved["model"])
    prior = class_prior(args.prior_data, spec)
    last = model.head[-1]
    with torch.no_grad():
        last.bias -= args.tau * torch.from_numpy(np.log(prior)).float()
    result = json.loads(Path(args.result).read_text())
    result["logit_adjusted"] = {"tau": args.tau, "prior_data": args.prior_data, "weights": str(args.weights)}
    result = write_run_folder(model, spec, shape, args.test_data, result, Path(args.out))
    emit(event="done", top1=result["test"]["top1"], top5=result["test"]["top5"], tau=args.tau, out=str(args.out))


if __name__ == "__main__":
    main()
