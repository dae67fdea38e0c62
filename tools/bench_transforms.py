"""Time rgbpose.transforms against mmaction2 1.2.0's transforms on one CPU thread (reference only; prints a table).

    PYTHONPATH=.:.refenv:tools .venv/bin/python tools/bench_transforms.py

Synthetic 960x540 H.264 video of 100 frames (the size of a compressed NTU video), one person whose keypoints are given
at 1920x1080 like NTU's. Rows: decoding the 8 RGB frames of a training sample, the 80 frames of a 10-clip test sample,
and the RGB augmentations of rgbpose_conv3d.py's training pipeline (MMCompact, Resize 256, RandomResizedCrop, Resize 224,
Flip) on 8 decoded frames. Best of N runs, milliseconds.
"""
import copy, random, tempfile, time
from pathlib import Path
import numpy as np
import mmaction_reference  # noqa: F401  (shims)
import cv2, torch
from mmaction.datasets.transforms import (MMUniformSampleFrames as RefMMUSF, MMDecode as RefMMDecode, MMCompact as RefMMCompact,
                                          Resize as RefResize, RandomResizedCrop as RefRRC, Flip as RefFlip)
from rgbpose import transforms as T
from rgbpose.video import write_video

cv2.setNumThreads(1); torch.set_num_threads(1)
LEFT, RIGHT = [1, 3, 5, 7, 9, 11, 13, 15], [2, 4, 6, 8, 10, 12, 14, 16]
N, H, W = 100, 540, 960

def best_ms(fn, repeat):
    ts = []
    for _ in range(repeat):
        t = time.perf_counter(); fn(); ts.append(time.perf_counter() - t)
    return 1e3 * min(ts)

rng = np.random.default_rng(0)
yy, xx = np.mgrid[:H, :W]
video = np.stack([np.stack([(xx + 7 * t) % 256, (yy + 3 * t) % 256, (xx // 3 + yy // 3 + 2 * t) % 256], -1) for t in range(N)])
video = np.clip(video + rng.integers(-8, 9, video.shape), 0, 255).astype(np.uint8)
kp = np.stack([rng.uniform(700, 1150, (1, N, 17)), rng.uniform(250, 900, (1, N, 17))], -1).astype(np.float32)
with tempfile.TemporaryDirectory() as d:
    write_video(Path(d) / 'bench.mp4', video)
    ann = dict(frame_dir=f'{d}/bench', total_frames=N, img_shape=(1080, 1920), original_shape=(1080, 1920), label=0,
               keypoint=kp, keypoint_score=np.ones((1, N, 17), np.float32), modality='Pose', start_index=0)
    rows = []
    for K in (1, 10):
        ref = lambda: RefMMDecode()(RefMMUSF(dict(RGB=8, Pose=32), K, test_mode=K > 1)(copy.deepcopy(ann)))
        ours = lambda: T.MMDecode()(T.MMUniformSampleFrames({'RGB': 8, 'Pose': 32}, K, test_mode=K > 1)(dict(ann)))
        rows.append((f'MMDecode, {8 * K} frames ({K} clip{"s" * (K > 1)})', best_ms(ref, 3), best_ms(ours, 3)))
    ref_dec = RefMMDecode()(RefMMUSF(dict(RGB=8, Pose=32), 1)(copy.deepcopy(ann)))
    our_dec = T.MMDecode()(T.MMUniformSampleFrames({'RGB': 8, 'Pose': 32}, 1)(dict(ann)))
ref_aug = [RefMMCompact(hw_ratio=1., allow_imgpad=True), RefResize((256, 256), keep_ratio=False), RefRRC(area_range=(0.56, 1.0)),
           RefResize((224, 224), keep_ratio=False), RefFlip(flip_ratio=0.5, left_kp=LEFT, right_kp=RIGHT)]
our_aug = T.Compose([T.MMCompact(hw_ratio=1., allow_imgpad=True), T.Resize((256, 256), keep_ratio=False),
                     T.RandomResizedCrop(area_range=(0.56, 1.0)), T.Resize((224, 224), keep_ratio=False),
                     T.Flip(flip_ratio=0.5, left_kp=LEFT, right_kp=RIGHT)])
def ref_chain():  # the reference edits keypoints in place: copy them (and the frame list), not the frames
    r = dict(ref_dec, imgs=list(ref_dec['imgs']), keypoint=ref_dec['keypoint'].copy(), keypoint_score=ref_dec['keypoint_score'].copy())
    for t in ref_aug: r = t(r)
    return r
rows.append(('MMCompact+Resize+RRC+Resize+Flip, 8 frames', best_ms(ref_chain, 20), best_ms(lambda: our_aug(dict(our_dec)), 20)))
print(f'| step (one thread, {W}x{H}, {N}-frame video) | mmaction2 1.2.0 ms | rgbpose ms | speed-up |\n|---|---|---|---|')
for name, r, o in rows: print(f'| {name} | {r:.1f} | {o:.1f} | {r / o:.1f}x |')
