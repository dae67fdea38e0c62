"""GPU throughput of RGBPoseConv3D: our model vs mmaction2 1.2.0's, same inputs, batch sizes and precision options.

    python tools/bench_gpu.py                       # ours only (every lever), on cuda:0
    PYTHONPATH=.refenv:tools python tools/bench_gpu.py --ref   # + mmaction2's model in the same run

Times (CUDA events, median of --iters after --warmup) for each mode:
* train: forward, per-stream cross-entropy, backward, gradient clipping at 40, SGD step; batch --batch at 224/56
  (RGB 8x224x224, heatmaps 17x32x56x56), inputs already on the GPU (the model's speed, not the loader's);
* train+gpu-heatmaps: the same, but the heatmaps are rendered inside the step from keypoints by
  `rgbpose.heatmaps.render_batch` (what crosses the DataLoader is 2x32x17x3 floats per clip instead of 6.8 MB);
* test: 10-clip inference at 256/64 (the reference's test pipeline), --test-batch videos x 10 clips per forward.
Prints clips/s, ms per step, peak memory, and achieved TFLOP/s against the card's measured bf16 matmul rate.
Levers (each a column of modes): fp32 / bf16 autocast / fp16 autocast, channels_last_3d, cudnn.benchmark,
torch.compile (max-autotune), larger batches. Writes the table to --out (markdown) too.
"""
import argparse, os, sys
import torch
import torch.nn.functional as F
from rgbpose.devtools import time_ms

p = argparse.ArgumentParser()
p.add_argument('--batch', type=int, default=16)
p.add_argument('--test-batch', type=int, default=4, help='videos per test forward (x10 clips)')
p.add_argument('--iters', type=int, default=20)
p.add_argument('--warmup', type=int, default=5)
p.add_argument('--ref', action='store_true', help='also time mmaction2 1.2.0 (PYTHONPATH=.refenv:tools)')
p.add_argument('--modes', default='fp32,fp16,bf16,bf16+cl,bf16+cl+bench,bf16+cl+bench+compile,bf16+cl+bench+compile+gpuhm')
p.add_argument('--device', default='cuda')
p.add_argument('--small', action='store_true', help='tiny sizes (a CPU smoke test of this script)')
p.add_argument('--out', default=None)
a = p.parse_args()
dev = torch.device(a.device)
sync = (lambda: torch.cuda.synchronize()) if dev.type == 'cuda' else (lambda: None)
R, P, T_R, T_P = (224, 56, 8, 32) if not a.small else (64, 16, 4, 16)
RT, PT = (256, 64) if not a.small else (64, 16)


def timer(fn, iters, warmup):  # seconds per call: the median, the device synchronised around each call
    return time_ms(fn, iters, warmup, sync=sync) / 1e3


def matmul_rate():
    if dev.type != 'cuda': return float('nan')
    n = 8192
    x, y = torch.randn(n, n, device=dev, dtype=torch.bfloat16), torch.randn(n, n, device=dev, dtype=torch.bfloat16)
    t = timer(lambda: x @ y, 20, 5)
    return 2 * n ** 3 / t / 1e12


def macs_per_clip(model, imgs, hms):
    from rgbpose.models import count_macs
    return sum(count_macs(model, imgs[:1], hms[:1]).values())


def ours(mode):
    from rgbpose.models import build_model
    m = build_model('rgbpose_conv3d', 60, **({'base_channels': 8} if a.small else {})).to(dev)
    return m, (lambda imgs, hms: m(imgs, hms)), (lambda out, y: sum(m.cls_head.loss_by_scores(out, y).values()))


def reference(mode):
    import mmaction_reference  # noqa: F401
    import mmaction
    from mmengine.config import Config
    from mmaction.registry import MODELS
    from mmaction.utils import register_all_modules
    register_all_modules()
    cfg = Config.fromfile(os.path.join(os.path.dirname(mmaction.__file__),
                                       '.mim/configs/skeleton/posec3d/rgbpose_conv3d/rgbpose_conv3d.py'))
    cfg.model.pop('data_preprocessor', None)
    m = MODELS.build(cfg.model).to(dev); m.init_weights()
    def fwd(imgs, hms): return m.cls_head(m.backbone(imgs, hms))
    def loss(out, y):
        return sum(F.cross_entropy(out[k], y) for k in ('rgb', 'pose'))  # RGBPoseHead's loss_by_feat, weights 1:1
    return m, fwd, loss


def run(name, build, mode):
    amp = torch.bfloat16 if 'bf16' in mode else torch.float16 if 'fp16' in mode else None
    torch.backends.cudnn.benchmark = 'bench' in mode
    m, fwd, lossf = build(mode)
    if '+cl' in mode: m = m.to(memory_format=torch.channels_last_3d)
    if 'compile' in mode: fwd = torch.compile(fwd, mode='max-autotune')
    B = a.batch
    mf = torch.channels_last_3d if '+cl' in mode else torch.contiguous_format
    imgs = torch.randn(B, 3, T_R, R, R, device=dev).contiguous(memory_format=mf)
    hms = torch.rand(B, 17, T_P, P, P, device=dev).contiguous(memory_format=mf)
    y = torch.randint(0, 60, (B,), device=dev)
    opt = torch.optim.SGD(m.parameters(), lr=1e-3, momentum=0.9, weight_decay=1e-4)
    scaler = torch.amp.GradScaler(enabled=amp is torch.float16)
    if 'gpuhm' in mode:  # heatmaps rendered inside the step from keypoints (2 persons), as the GPU training path does
        from rgbpose.heatmaps import render_batch
        kp = torch.rand(B, 2, T_P, 17, 2, device=dev) * P
        sc = torch.rand(B, 2, T_P, 17, device=dev)
    def step():
        x = hms if 'gpuhm' not in mode else render_batch(kp, sc, (P, P), sigma=0.7, device=dev)[:, 0].contiguous(memory_format=mf)
        with torch.autocast(dev.type, dtype=amp, enabled=amp is not None):
            loss = lossf(fwd(imgs, x), y)
        opt.zero_grad(set_to_none=True)
        scaler.scale(loss).backward(); scaler.unscale_(opt)
        torch.nn.utils.clip_grad_norm_(m.parameters(), 40)
        scaler.step(opt); scaler.update()
    m.train()
    if dev.type == 'cuda': torch.cuda.reset_peak_memory_stats()
    t_train = timer(step, a.iters, a.warmup)
    mem = torch.cuda.max_memory_allocated() / 2 ** 30 if dev.type == 'cuda' else float('nan')
    m.eval()
    V = a.test_batch
    ti = torch.randn(V * 10, 3, T_R, RT, RT, device=dev).contiguous(memory_format=mf)
    th = torch.rand(V * 10, 17, T_P, PT, PT, device=dev).contiguous(memory_format=mf)
    @torch.no_grad()
    def test():
        with torch.autocast(dev.type, dtype=amp, enabled=amp is not None):
            out = fwd(ti, th)
        return {k: F.softmax(v.float().view(V, 10, -1), -1).mean(1) for k, v in out.items()}
    t_test = timer(test, max(3, a.iters // 2), 2)
    return dict(impl=name, mode=mode, train_ms=1e3 * t_train, train_clips_s=B / t_train, peak_gib=mem,
                test_ms=1e3 * t_test, test_clips_s=V * 10 / t_test), m, imgs, hms


rows = []
peak = matmul_rate()
macs = None
impls = [('rgbpose', ours)] + ([('mmaction2', reference)] if a.ref else [])
for name, build in impls:
    for mode in a.modes.split(','):
        try:
            r, m, imgs, hms = run(name, build, mode)
            if macs is None and name == 'rgbpose': macs = macs_per_clip(m.float().to(memory_format=torch.contiguous_format), imgs.float().contiguous(), hms.float().contiguous())
            rows.append(r)
        except Exception as e:
            rows.append(dict(impl=name, mode=mode, error=f'{type(e).__name__}: {str(e)[:120]}'))
        print(rows[-1], file=sys.stderr, flush=True)
        torch.cuda.empty_cache() if dev.type == 'cuda' else None
flop_train = 3 * 2 * (macs or 0)  # forward + backward (2x forward) per clip at 224/56
best_ref = {k: max([r[k] for r in rows if r.get('impl') == 'mmaction2' and k in r] or [float('nan')]) for k in ('train_clips_s', 'test_clips_s')}
lines = [f'device: {torch.cuda.get_device_name() if dev.type == "cuda" else "cpu"}; bf16 matmul {peak:.0f} TFLOP/s measured; '
         f'{(macs or 0) / 1e9:.1f} GMAC forward per training clip; batch {a.batch}, test {a.test_batch} videos x 10 clips',
         '', '| impl | mode | train ms/step | train clips/s | x ref best | TFLOP/s | % of bf16 peak | peak GiB | test clips/s | x ref best |',
         '|---|---|---|---|---|---|---|---|---|---|']
for r in rows:
    if 'error' in r: lines.append(f'| {r["impl"]} | {r["mode"]} | {r["error"]} | | | | | | | |'); continue
    tf = r['train_clips_s'] * flop_train / 1e12
    lines.append(f'| {r["impl"]} | {r["mode"]} | {r["train_ms"]:.1f} | {r["train_clips_s"]:.1f} | '
                 f'{r["train_clips_s"] / best_ref["train_clips_s"]:.2f} | {tf:.1f} | {100 * tf / peak:.1f} | {r["peak_gib"]:.1f} | '
                 f'{r["test_clips_s"]:.1f} | {r["test_clips_s"] / best_ref["test_clips_s"]:.2f} |')
text = '\n'.join(lines)
print(text)
if a.out:
    with open(a.out, 'w') as f: f.write(text + '\n')
