"""CPU milliseconds (process time, all threads) per training sample of the CPU preset's models (forward, backward, SGD) under settings that may make the
CPU step cheaper: batch size, channels-last, torch.compile, thread count. Synthetic inputs of the preset's shapes, so
only the model's step is timed (the data loader is measured by tools/bench_pipeline.py).

    .venv/bin/python tools/bench_train_step.py [--models rgb_only pose_only rgbpose_conv3d] [--batches 8 16 32]
"""
import argparse, itertools, time
import torch
from rgbpose.config import get_config
from rgbpose.models import build_model

def inputs(cfg, n):
    pipe = cfg.data.pipeline
    rgb, pose = pipe.get('rgb_size', (0, 0))[1], pipe.get('pose_size', (0, 0))[1]
    x = {'rgb_only': [torch.randn(n, 3, 8, rgb, rgb)], 'pose_only': [torch.randn(n, 17, 32, pose, pose)],
         'rgbpose_conv3d': [torch.randn(n, 3, 8, rgb, rgb), torch.randn(n, 17, 32, pose, pose)]}
    return x[cfg.model.name]

def bench(name, batch, channels_last=False, compile=False, steps=6, warmup=2):
    cfg = get_config(f'{name}:cpu')
    torch.manual_seed(0)
    model = build_model(name, 16, **cfg.model.kwargs).train()
    xs, y = inputs(cfg, batch), torch.randint(0, 16, (batch,))
    if channels_last:
        model = model.to(memory_format=torch.channels_last_3d); xs = [x.to(memory_format=torch.channels_last_3d) for x in xs]
    run = torch.compile(model) if compile else model
    opt = torch.optim.SGD(model.parameters(), lr=1e-3, momentum=.9)
    ts = []
    for i in range(warmup + steps):
        t = time.process_time()
        loss = sum(model.cls_head.loss_by_scores(run(*xs), y).values())  # the trainer's loss
        opt.zero_grad(); loss.backward(); opt.step()
        ts.append(time.process_time() - t)
    ts = sorted(ts[warmup:])
    return ts[len(ts) // 2] / batch * 1000

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--models', nargs='+', default=['rgb_only', 'pose_only', 'rgbpose_conv3d'])
    p.add_argument('--batches', nargs='+', type=int, default=[8, 16, 32])
    p.add_argument('--threads', nargs='+', type=int, default=[torch.get_num_threads()])
    p.add_argument('--compile', action='store_true', help='also time torch.compile (slow to compile)')
    a = p.parse_args()
    print('model            batch threads channels_last compile  ms/sample')
    for m, b, th in itertools.product(a.models, a.batches, a.threads):
        torch.set_num_threads(th)
        for cl, comp in [(False, False), (True, False)] + ([(False, True)] if a.compile else []):
            print(f'{m:16s} {b:5d} {th:7d} {str(cl):13s} {str(comp):7s} {bench(m, b, cl, comp):9.1f}', flush=True)
