"""A run folder made from weights that did not come straight out of train.py (interpolated, prior-adjusted):
model.onnx, parity.json, weights.pt and result.json, as model:publish expects them."""
import hashlib
import json
from pathlib import Path

import torch

from data import load_sources
from train import card_metrics, evaluate, export, save_atomic, write_parity_fixture


def write_run_folder(model, spec: dict, shape: dict, test_data: list[str], result: dict, out: Path) -> dict:
    """Scores `model` on the test split of `test_data`, exports it and writes the folder; returns result.json's content."""
    out.mkdir(parents=True, exist_ok=True)
    te_x, te_y, _ = load_sources(test_data, "test", spec)
    test_x, test_y = torch.from_numpy(te_x), torch.from_numpy(te_y)
    _, _, probs = evaluate(model, test_x, test_y)
    result.update(test=card_metrics(probs, te_y, spec["labels"]), test_images=int(len(te_y)))
    onnx_path = export(model, spec["labels"], spec["name"], out, test_x[:1].float().unsqueeze(1) / 255.0)
    result["onnx_sha256"] = hashlib.sha256(onnx_path.read_bytes()).hexdigest()
    result["onnx_bytes"] = onnx_path.stat().st_size
    write_parity_fixture(test_x, model, out)
    save_atomic({"model": model.state_dict(), "arch": "handprint", **shape, "classes": spec["labels"], "class_set": spec["name"]}, out / "weights.pt")
    (out / "result.json").write_text(json.dumps(result, indent=1))
    return result
