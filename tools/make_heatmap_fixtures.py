"""Fixtures for nbs/05_heatmaps.ipynb from mmaction2 1.2.0's GeneratePoseTarget and configs (reference only).

    PYTHONPATH=.refenv:tools .venv/bin/python tools/make_heatmap_fixtures.py

Writes nbs/fixtures/heatmaps/:
  heatmaps.npz    GeneratePoseTarget outputs (float32) for random scenes of 2 persons (overlapping: max) x 2 frames:
                  keypoint and limb maps, sigma 0.6 / 0.7, scaling 1 (40x48) and 0.25 (160x192 -> 40x48,
                  57x63 -> 14x16), use_score True / False, missing joints, scores around eps, joints on the 0.1 grid (window bounds at
                  integers), outside the frame and on its borders (x = -1.5), limbs shorter than 1 px and limbs
                  leaving the frame; keypoints + limbs together (the channel bug); double=True; a stick figure.
                  `cases` (JSON) holds each case's parameters; c<i>_kp, c<i>_score, c<i>_out its arrays.
  pipelines.json  the train / val / test pipelines of configs/skeleton/posec3d/rgbpose_conv3d/{rgb_only, pose_only,
                  rgbpose_conv3d}.py: each step's config dict and the attributes of the transform mmaction2 builds.
"""
import os, json, glob
import numpy as np
import mmaction_reference  # noqa: F401  (shims)
from mmaction.datasets.transforms import GeneratePoseTarget
from mmengine.config import Config
from mmengine.registry import TRANSFORMS

OUT = 'nbs/fixtures/heatmaps'
os.makedirs(OUT, exist_ok=True)


def scene(rng, M, T, H, W):
    "Random joints with every corner case the renderer has."
    kp = np.stack([rng.uniform(-8, W + 8, (M, T, 17)), rng.uniform(-8, H + 8, (M, T, 17))], -1)
    score = rng.uniform(0.05, 1, (M, T, 17))
    grid = rng.random((M, T, 17)) < 0.3  # on the 0.1 grid: mu +- 3 sigma land on integers
    kp[grid] = np.round(kp[grid] * 10) / 10
    whole = rng.random((M, T, 17)) < 0.1  # on a pixel centre: the peak equals the score
    kp[whole] = np.round(kp[whole])
    kp[:, :, 2] = kp[:, :, 0] + rng.uniform(-0.6, 0.6, (M, T, 2))  # limb (0, 2) often shorter than 1 px
    kp[0, :, 3] = (-1.5, 5)  # left of the frame: only column 0 is lit
    kp[-1, :, 4] = (W + 1.2, H - 0.5)  # right of the frame, bottom border
    kp[0, 0, 5] = (10.3, 20.6)  # the hand-checked joint of nbs/05_heatmaps.ipynb
    kp[-1, :, 6] = (3 * W, H / 2)  # far to the right: limb (0, 6) and (6, 8) cross the frame
    missing = rng.random((M, T, 17)) < 0.1
    kp[missing], score[missing] = 0, 0
    score[rng.random((M, T, 17)) < 0.05] = 5e-5  # below eps
    score[rng.random((M, T, 17)) < 0.05] = np.float32(1e-4)  # float32(1e-4) < 1e-4, but not below it in float32
    return kp.astype(np.float32), score.astype(np.float32)


def run(kp, score, img_shape, **kw):
    res = GeneratePoseTarget(**kw)(dict(keypoint=kp.copy(), keypoint_score=score.copy(), img_shape=img_shape))
    return res['imgs']


rng = np.random.default_rng(2024)
arrays, cases = {}, []
def add(kp, score, img_shape, note='', **kw):
    i = len(cases)
    arrays[f'c{i}_kp'], arrays[f'c{i}_score'], arrays[f'c{i}_out'] = kp, score, run(kp, score, img_shape, **kw)
    cases.append(dict(img_shape=list(img_shape), note=note, **kw))

for sigma in (0.6, 0.7):
    for img_shape, scaling in (((40, 48), 1.0), ((160, 192), 0.25), ((57, 63), 0.25)):
        kp, score = scene(rng, 2, 2, *img_shape)
        for use_score in (True, False):
            add(kp, score, img_shape, sigma=sigma, scaling=scaling, use_score=use_score)
            add(kp, score, img_shape, sigma=sigma, scaling=scaling, use_score=use_score, with_kp=False, with_limb=True)
kp, score = scene(rng, 2, 1, 56, 64)
add(kp, score, (56, 64), note='both: limbs land in channels 0-16, 17-33 stay 0', with_kp=True, with_limb=True)
add(kp, score, (56, 64), note='limbs alone, same input', with_kp=False, with_limb=True)
add(kp, score, (56, 64), note='keypoints alone, same input', with_kp=True, with_limb=False)
add(kp, score, (56, 64), note='double', double=True)
add(kp, score, (56, 64), note='double', double=True, with_kp=False, with_limb=True)
# a stick figure as the fused pipeline sees it: 224x224 crop, heatmaps at 56
t = np.arange(8, dtype=np.float32)[None, :, None]
tmpl = np.array([[0, -.40], [.025, -.42], [-.025, -.42], [.05, -.41], [-.05, -.41], [.11, -.30], [-.11, -.30],
                 [.15, -.15], [-.15, -.15], [.17, 0], [-.17, 0], [.08, .02], [-.08, .02], [.09, .25], [-.09, .25],
                 [.09, .48], [-.09, .48]], np.float32)
x = tmpl[None, None, :, 0] * 180 + 80 + 60 * np.arange(2)[:, None, None] + 3 * t  # [2, 8, 17]: two persons walking
kp = np.stack([x, np.broadcast_to(tmpl[:, 1] * 180 + 120, x.shape)], -1).astype(np.float32)
score = rng.uniform(.3, 1, kp.shape[:-1]).astype(np.float32)
add(kp, score, (224, 224), note='stick figures, fused pipeline', sigma=0.7, scaling=0.25)

# what the reference does with NaN: int(nan) raises
try:
    run(np.full((1, 1, 17, 2), np.nan, np.float32), np.ones((1, 1, 17), np.float32), (56, 56))
    nan_error = 'no error'
except Exception as e:
    nan_error = f'{type(e).__name__}: {e}'
print('NaN keypoint ->', nan_error)
arrays['cases'] = np.array(json.dumps(cases))
arrays['nan_error'] = np.array(nan_error)
np.savez_compressed(f'{OUT}/heatmaps.npz', **arrays)
print(f'heatmaps.npz: {len(cases)} cases, {os.path.getsize(f"{OUT}/heatmaps.npz") / 1024:.0f} KiB')


# ---------------------------------------------------------------- the three configs' pipelines
def plain(x):
    if isinstance(x, (list, tuple)): return [plain(v) for v in x]
    if isinstance(x, dict): return {str(k): plain(v) for k, v in x.items()}
    if isinstance(x, (np.integer, np.floating)): return x.item()
    if isinstance(x, (bool, int, float, str)) or x is None: return x
    raise TypeError


def attributes(t):
    out = {}
    for k, v in vars(t).items():
        try: out[k] = plain(v)
        except TypeError: pass
    return out


cfg_dir = os.path.join(os.path.dirname(mmaction_reference.mmaction.__file__), '.mim/configs/skeleton/posec3d/rgbpose_conv3d')
pipes = {}
for name in ('rgb_only', 'pose_only', 'rgbpose_conv3d'):
    cfg = Config.fromfile(f'{cfg_dir}/{name}.py')
    for phase in ('train', 'val', 'test'):
        steps = cfg[f'{phase}_pipeline']
        pipes[f'{name}/{phase}'] = [dict(config=plain(s.to_dict() if hasattr(s, 'to_dict') else dict(s)),
                                         attributes=attributes(TRANSFORMS.build(s))) for s in steps]
with open(f'{OUT}/pipelines.json', 'w') as f: json.dump(pipes, f, indent=1)
print('pipelines.json:', {k: len(v) for k, v in pipes.items()})
