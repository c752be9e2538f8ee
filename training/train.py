"""Train a character CNN on IDX data and export it to ONNX, beside parity.json: PyTorch's probabilities on
held-out images, which the serving side (lib/training/parity.ts) checks its onnxruntime run against.

One plain process:   /usr/bin/python3 training/train.py --data data/generated ../shared/emnist/partial --weight 0.3 3 --out runs/x
Several GPUs:        torchrun --nproc_per_node=4 training/train.py --data ... --out ...
Progress is printed as JSON lines (event: start, step, epoch, export, done) for the job driver.
Interrupted runs continue from <out>/checkpoint.pt with --resume.
"""
import argparse
import hashlib
import json
import math
import os
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch
import torch.distributed as dist
import torch.nn.functional as F
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parent))
from classsets import class_set  # noqa: E402
from data import epoch_order, load_sources  # noqa: E402
from model import ARCHITECTURES, Probabilities  # noqa: E402


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, nargs="+", metavar="SOURCE",
                    help="one or more folders or zips of IDX files (generated set, EMNIST or its partial/ folder, a dataset:export); "
                         "PATH:SPLIT takes one prefix of a folder holding several, a bare folder takes all of them")
    ap.add_argument("--weight", type=float, nargs="+", default=[], metavar="W",
                    help="times each --data source is drawn per epoch, in the same order (default 1 each; 3 = every image "
                         "three times, 0.3 = a fresh random 30%% each epoch)")
    ap.add_argument("--source-split", help="which split of a multi-split folder, e.g. balanced for EMNIST (same as PATH:SPLIT)")
    ap.add_argument("--test-data", nargs="+", metavar="SOURCE", help="held-out IDX data if not the test splits of --data")
    ap.add_argument("--classes", default="balanced47")
    ap.add_argument("--out", required=True)
    ap.add_argument("--arch", default="handprint", choices=sorted(ARCHITECTURES))
    ap.add_argument("--width", type=int, help="channels of the first conv stage (default: the --init model's, else 32)")
    ap.add_argument("--depth", type=int, help="convs in each of the 2nd and 3rd stages (default: the --init model's, else 2)")
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--batch-size", type=int, default=256)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--weight-decay", type=float, default=5e-4)
    ap.add_argument("--label-smoothing", type=float, default=0.1)
    ap.add_argument("--augment", type=float, default=1.0, help="strength of on-the-fly affine augmentation, 0 = off")
    ap.add_argument("--elastic", type=float, default=0.0, help="strength of on-the-fly elastic warping, 0 = off")
    ap.add_argument("--optimizer", default="adamw", choices=["adamw", "adam"])
    ap.add_argument("--schedule", default="onecycle", choices=["onecycle", "constant"])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--limit", type=int, default=0, help="use at most N training images (quick runs)")
    ap.add_argument("--test-limit", type=int, default=0, help="score each epoch on an evenly spaced N of the held-out images (quick runs)")
    ap.add_argument("--init", help="checkpoint to fine-tune from")
    ap.add_argument("--resume", action="store_true", help="continue from <out>/checkpoint.pt if present")
    ap.add_argument("--device", default="auto", help="auto, cpu, cuda")
    ap.add_argument("--threads", type=int, default=0, help="CPU threads (0 = PyTorch default)")
    ap.add_argument("--no-export", action="store_true")
    return ap.parse_args(argv)


def emit(**event):
    if RANK == 0:
        print(json.dumps(event), flush=True)


RANK, WORLD = int(os.environ.get("RANK", 0)), int(os.environ.get("WORLD_SIZE", 1))


def augment(x: torch.Tensor, strength: float, elastic: float = 0.0) -> torch.Tensor:
    """Random rotation, shear, scale and shift of a batch [N,1,28,28], done on the device; with `elastic`,
    also a smooth random warp (a coarse 4x4 displacement field, upsampled), as people's strokes bend."""
    if strength <= 0 and elastic <= 0:
        return x
    n = x.shape[0]
    dev = x.device
    angle = (torch.rand(n, device=dev) * 2 - 1) * math.radians(10) * strength
    shear = (torch.rand(n, device=dev) * 2 - 1) * 0.2 * strength
    scale = 1 + (torch.rand(n, device=dev) * 2 - 1) * 0.1 * strength
    shift = (torch.rand(n, 2, device=dev) * 2 - 1) * 0.08 * strength
    cos, sin = torch.cos(angle) / scale, torch.sin(angle) / scale
    theta = torch.stack([torch.stack([cos, -sin + shear, shift[:, 0]], 1), torch.stack([sin, cos, shift[:, 1]], 1)], 1)
    grid = F.affine_grid(theta, x.shape, align_corners=False)
    if elastic > 0:
        field = torch.randn(n, 2, 4, 4, device=dev) * 0.04 * elastic
        grid = grid + F.interpolate(field, size=x.shape[2:], mode="bilinear", align_corners=False).permute(0, 2, 3, 1)
    return F.grid_sample(x, grid, align_corners=False, padding_mode="zeros")


def evaluate(model, images: torch.Tensor, labels: torch.Tensor, batch: int = 1024) -> tuple[float, float, np.ndarray]:
    model.eval()
    probs = []
    with torch.no_grad():
        for i in range(0, len(images), batch):
            x = images[i : i + batch].float().unsqueeze(1) / 255.0
            probs.append(torch.softmax(model(x).float(), 1).cpu())
    p = torch.cat(probs) if probs else torch.zeros(0, 1)
    y = labels.cpu()
    top1 = (p.argmax(1) == y).float().mean().item() if len(y) else 0.0
    top5 = (p.topk(min(5, p.shape[1]), 1).indices == y[:, None]).any(1).float().mean().item() if len(y) else 0.0
    return top1, top5, p.numpy()


def card_metrics(probs: np.ndarray, labels: np.ndarray, classes: list[str]) -> dict:
    pred = probs.argmax(1)
    k = len(classes)
    confusion = np.zeros((k, k), np.int64)
    np.add.at(confusion, (labels, pred), 1)
    per_class = {c: round(float(confusion[i, i] / max(1, confusion[i].sum())), 4) for i, c in enumerate(classes)}
    off = [(int(confusion[i, j] + confusion[j, i]), classes[i], classes[j]) for i in range(k) for j in range(i + 1, k)]
    pairs = [{"pair": f"{a}/{b}", "errors": n} for n, a, b in sorted(off, reverse=True)[:10] if n > 0]
    top5 = float((np.argsort(-probs, 1)[:, :5] == labels[:, None]).any(1).mean())
    return {"top1": round(float((pred == labels).mean()), 4), "top5": round(top5, 4), "count": int(len(labels)),
            "per_class": per_class, "most_confused": pairs}


def save_atomic(obj, path: Path):
    tmp = path.with_suffix(".tmp")
    torch.save(obj, tmp)
    tmp.replace(path)


def export(model: nn.Module, classes: list[str], spec_name: str, out: Path, sample: torch.Tensor) -> Path:
    import onnx

    model = model.cpu().float().eval()
    path = out / "model.onnx"
    torch.onnx.export(Probabilities(model), sample[:1], str(path), input_names=["image"], output_names=["probabilities"],
                      dynamic_axes={"image": {0: "batch"}, "probabilities": {0: "batch"}}, opset_version=13)
    m = onnx.load(str(path))
    for key, value in {"classes": json.dumps(classes), "class_set": spec_name,
                       "input": "image float32 [N,1,28,28], 0..1, ink = 1, EMNIST conversion"}.items():
        m.metadata_props.add(key=key, value=value)
    onnx.save(m, str(path))
    return path


def write_parity_fixture(images: torch.Tensor, model: nn.Module, out: Path) -> Path:
    """PyTorch's probabilities on up to 256 held-out images: the serving side checks its ONNX run against them."""
    x = images[:256].float().unsqueeze(1) / 255.0
    with torch.no_grad():
        expected = torch.softmax(model.cpu().float().eval()(x), 1).numpy()
    path = out / "parity.json"
    path.write_text(json.dumps({"images": images[:256].cpu().numpy().reshape(len(x), -1).tolist(), "probabilities": expected.tolist()}))
    return path


def main(argv=None):
    args = parse_args(argv)
    local_rank = int(os.environ.get("LOCAL_RANK", 0))
    if args.device == "cuda" and not torch.cuda.is_available():
        why = f"this PyTorch ({torch.__version__}) was built without CUDA" if torch.version.cuda is None else "no CUDA GPU is visible"
        raise SystemExit(f"--device cuda: {why}; use --device cpu, or auto to take a GPU only when there is one")
    use_cuda = args.device == "cuda" or (args.device == "auto" and torch.cuda.is_available())
    if use_cuda and local_rank >= torch.cuda.device_count():
        raise SystemExit(f"process {local_rank} has no GPU of its own: {torch.cuda.device_count()} visible; start at most that many")
    if WORLD > 1:
        dist.init_process_group("nccl" if use_cuda else "gloo")
    device = torch.device(f"cuda:{local_rank}" if use_cuda else "cpu")
    if args.threads:
        torch.set_num_threads(args.threads)
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    spec = class_set(args.classes)
    if args.source_split:
        args.data = [d if ":" in d else f"{d}:{args.source_split}" for d in args.data]
    if len(args.weight) > len(args.data) or any(w < 0 for w in args.weight):
        raise SystemExit(f"--weight takes at most one non-negative number per --data source ({len(args.data)})")
    weights = dict(zip(args.data, args.weight, strict=False))  # sources without a weight are drawn once
    tr_x, tr_y, sources = load_sources(args.data, "train", spec)
    # Without --test-data, the held-out set is the test split of every source that has one.
    te_x, te_y, _ = load_sources(args.test_data or args.data, "test", spec, skip_missing=not args.test_data)
    prefix = "+".join(s["prefix"] for s in sources)
    if args.test_limit and len(te_y) > args.test_limit:
        every = np.linspace(0, len(te_y) - 1, args.test_limit).astype(np.int64)
        te_x, te_y = te_x[every], te_y[every]
    if args.limit:
        tr_x, tr_y = tr_x[: args.limit], tr_y[: args.limit]
        sources = [{**s, "start": min(s["start"], args.limit), "end": min(s["end"], args.limit)} for s in sources]
    if len(tr_y) == 0:
        raise SystemExit(f"no training images of class set {spec['name']} in {args.data}")
    train_x, train_y = torch.from_numpy(tr_x).to(device), torch.from_numpy(tr_y).to(device)
    test_x, test_y = torch.from_numpy(te_x).to(device), torch.from_numpy(te_y).to(device)

    init = torch.load(args.init, map_location=device) if args.init else {}
    # A fine-tune keeps the shape of the model it starts from unless told otherwise.
    args.width, args.depth = args.width or init.get("width", 32), args.depth or init.get("depth", 2)
    arch = ARCHITECTURES[args.arch]
    model = (arch(len(spec["labels"]), width=args.width, depth=args.depth) if args.arch == "handprint" else arch(len(spec["labels"]))).to(device)
    params = sum(p.numel() for p in model.parameters())
    if init:
        model.load_state_dict(init["model"])
    # Every rank takes the same number of steps (DDP needs it), over the smallest shard; a lone leftover
    # image is skipped (it comes round in another epoch's order), since batch norm needs two per batch.
    epoch_size = len(epoch_order(sources, weights, torch.Generator().manual_seed(0)))
    shard = epoch_size // WORLD
    steps_per_epoch = max(1, shard // args.batch_size + (shard % args.batch_size > 1))
    report_every = max(1, min(50, steps_per_epoch // 20))  # about 20 progress lines an epoch, for the live curves
    opt_cls = torch.optim.AdamW if args.optimizer == "adamw" else torch.optim.Adam
    opt = opt_cls(model.parameters(), lr=args.lr, weight_decay=args.weight_decay if args.optimizer == "adamw" else 0)
    sched = (torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.lr, total_steps=max(10, args.epochs * steps_per_epoch), pct_start=0.25)
             if args.schedule == "onecycle" else torch.optim.lr_scheduler.LambdaLR(opt, lambda _: 1.0))
    amp_dtype = torch.float16 if use_cuda and not torch.cuda.is_bf16_supported() else torch.bfloat16
    scaler = torch.cuda.amp.GradScaler(enabled=use_cuda and amp_dtype == torch.float16)
    start_epoch, elapsed_before = 0, 0.0
    ckpt_path = out / "checkpoint.pt"
    if args.resume and ckpt_path.exists():
        state = torch.load(ckpt_path, map_location=device)
        model.load_state_dict(state["model"])
        opt.load_state_dict(state["optimizer"])
        sched.load_state_dict(state["scheduler"])
        start_epoch, elapsed_before = state["epoch"], state.get("elapsed", 0.0)
        torch.set_rng_state(state["rng"])
    net = nn.parallel.DistributedDataParallel(model, device_ids=[local_rank] if use_cuda else None) if WORLD > 1 else model
    loss_fn = nn.CrossEntropyLoss(label_smoothing=args.label_smoothing)

    emit(event="start", device=str(device), world_size=WORLD, classes=spec["name"], source=prefix, sources=sources, train=len(train_y),
         test=len(test_y), epoch_size=epoch_size, parameters=params, epochs=args.epochs, start_epoch=start_epoch, arch=args.arch)
    t0 = time.time() - elapsed_before
    history = []
    for epoch in range(start_epoch, args.epochs):
        net.train()
        gen = torch.Generator().manual_seed(args.seed * 1000 + epoch)
        order = epoch_order(sources, weights, gen)[RANK::WORLD].to(device)
        seen = correct = 0
        loss_sum = 0.0
        for step in range(steps_per_epoch):
            idx = order[step * args.batch_size : min((step + 1) * args.batch_size, shard)]
            if len(idx) == 0:
                break
            x = augment(train_x[idx].float().unsqueeze(1) / 255.0, args.augment, args.elastic)
            y = train_y[idx]
            with torch.autocast(device_type=device.type, dtype=amp_dtype, enabled=use_cuda):
                logits = net(x)
                loss = loss_fn(logits.float(), y)
            opt.zero_grad(set_to_none=True)
            scaler.scale(loss).backward()
            scaler.step(opt)
            scaler.update()
            sched.step()
            seen += len(y)
            correct += (logits.argmax(1) == y).sum().item()
            loss_sum += loss.item() * len(y)
            if step % report_every == 0 or step == steps_per_epoch - 1:
                done = epoch * steps_per_epoch + step + 1
                total = args.epochs * steps_per_epoch
                spent = time.time() - t0
                rate = spent / max(1, done - start_epoch * steps_per_epoch)
                emit(event="step", epoch=epoch + 1, step=step + 1, steps=steps_per_epoch, loss=round(loss_sum / seen, 4),
                     accuracy=round(correct / seen, 4), progress=round(done / total, 4), eta_s=round(rate * (total - done), 1))
        top1, top5, _ = evaluate(model, test_x, test_y)
        history.append({"epoch": epoch + 1, "loss": round(loss_sum / max(1, seen), 4), "train_accuracy": round(correct / max(1, seen), 4),
                        "test_top1": round(top1, 4), "test_top5": round(top5, 4)})
        emit(event="epoch", **history[-1], seconds=round(time.time() - t0, 1))
        if RANK == 0:
            save_atomic({"model": model.state_dict(), "optimizer": opt.state_dict(), "scheduler": sched.state_dict(),
                         "epoch": epoch + 1, "elapsed": time.time() - t0, "rng": torch.get_rng_state(),
                         "arch": args.arch, "width": args.width, "depth": args.depth, "classes": spec["labels"], "class_set": spec["name"]}, ckpt_path)
    train_seconds = round(time.time() - t0, 1)

    if RANK == 0:
        top1, top5, probs = evaluate(model, test_x, test_y)
        metrics = card_metrics(probs, test_y.cpu().numpy(), spec["labels"])
        recipe = {k: getattr(args, k) for k in ("width", "depth", "epochs", "batch_size", "lr", "weight_decay", "label_smoothing", "augment", "elastic",
                                                 "optimizer", "schedule", "seed", "weight", "limit")}
        result = {"class_set": spec["name"], "classes": spec["labels"], "arch": args.arch, "width": args.width, "depth": args.depth,
                  "parameters": params, "recipe": recipe,
                  "train_images": len(train_y), "test_images": len(test_y), "source": prefix, "sources": sources, "data": args.data,
                  "epochs": args.epochs, "train_seconds": train_seconds, "device": str(device), "world_size": WORLD,
                  "fine_tuned_from": args.init, "history": history, "test": metrics}
        if not args.no_export:
            emit(event="export")
            onnx_path = export(model, spec["labels"], spec["name"], out, test_x[:1].float().unsqueeze(1) / 255.0)
            result["onnx_sha256"] = hashlib.sha256(onnx_path.read_bytes()).hexdigest()
            result["onnx_bytes"] = onnx_path.stat().st_size
            write_parity_fixture(test_x, model, out)
        # The weights alone (no optimizer state): what the model registry keeps for later fine-tuning.
        save_atomic({"model": model.state_dict(), "arch": args.arch, "width": args.width, "depth": args.depth, "classes": spec["labels"],
                     "class_set": spec["name"]}, out / "weights.pt")
        (out / "result.json").write_text(json.dumps(result, indent=1))
        emit(event="done", top1=metrics["top1"], top5=metrics["top5"], train_seconds=train_seconds, out=str(out))
    if WORLD > 1:
        dist.destroy_process_group()


if __name__ == "__main__":
    main()
