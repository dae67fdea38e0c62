"""A quick pose-only probe of a benchmark made by `rgbpose.synth` (a tuning aid, not the recipe): a small MLP on flattened,
normalised keypoints (16 frames, positions, velocities, scores), trained on each split's train part and scored on its val
part. It is far weaker than PoseConv3D on motion, and blind to objects by construction, so it bounds nothing; it shows
which classes the skeletons alone separate.

    .venv/bin/python tools/synth_pose_probe.py data/embedded/skeleton/synth_2d.pkl
"""
import sys
import numpy as np, torch
from rgbpose.data import load_annotations

def features(r, frames=16):
    kp, sc = r['keypoint'], r['keypoint_score']  # [M, T, 17, 2], [M, T, 17]
    k2, s2 = np.zeros((2,) + kp.shape[1:], np.float32), np.zeros((2,) + sc.shape[1:], np.float32)
    k2[:len(kp)], s2[:len(sc)] = kp, sc
    ok = s2 > 0
    x = np.where(ok[..., None], (k2 - k2[ok].mean(0)) / np.ptp(k2[ok], 0).max(), 0)
    idx = np.linspace(0, x.shape[1] - 1, frames).round().astype(int)
    x = x[:, idx]
    return np.concatenate([x.ravel(), np.diff(x, axis=1).ravel(), s2[:, idx].ravel()])

def probe(ann_file, bench='xsub', epochs=400, seed=0):
    d = load_annotations(ann_file)
    recs = {r['frame_dir']: r for r in d['annotations']}
    n_cls = 1 + max(r['label'] for r in recs.values())
    tr, va = d['split'][f'{bench}_train'], d['split'][f'{bench}_val']
    X, Xv = (torch.tensor(np.stack([features(recs[n]) for n in s])) for s in (tr, va))
    y, yv = (torch.tensor([recs[n]['label'] for n in s]) for s in (tr, va))
    mu, sd = X.mean(0), X.std(0) + 1e-6
    X, Xv = (X - mu) / sd, (Xv - mu) / sd
    torch.manual_seed(seed)
    net = torch.nn.Sequential(torch.nn.Linear(X.shape[1], 256), torch.nn.ReLU(), torch.nn.Dropout(.5), torch.nn.Linear(256, n_cls))
    opt = torch.optim.AdamW(net.parameters(), 1e-3, weight_decay=1e-2)
    for _ in range(epochs):
        net.train(); loss = torch.nn.functional.cross_entropy(net(X), y); opt.zero_grad(); loss.backward(); opt.step()
    net.eval()
    with torch.no_grad(): pred = net(Xv).argmax(1)
    cm = np.zeros((n_cls, n_cls), int)
    np.add.at(cm, (yv.numpy(), pred.numpy()), 1)
    return (pred == yv).float().mean().item(), cm

if __name__ == '__main__':
    torch.set_num_threads(1)
    for bench in ('xsub', 'xview'):
        acc, cm = probe(sys.argv[1], bench)
        print(f'{bench}: pose-only probe top-1 {acc:.3f}; per class {np.round(cm.diagonal() / cm.sum(1), 2).tolist()}')
