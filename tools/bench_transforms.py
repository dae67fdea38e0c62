"""Time rgbpose.transforms against mmaction2 1.2.0's transforms on one CPU thread (reference only; prints a table).

    PYTHONPATH=.:.refenv:tools .venv/bin/python tools/bench_transforms.py

A synthetic 960x540 video of 100 frames (smooth moving colour waves with noise, the size of a compressed NTU video) is
written as a raw MPEG-4 AVI and compressed with both profiles of rgbpose.video.compress_video: 'reference' (mmaction2's
compress_nturgbd.py: a keyframe every 250 frames, B-frames) and 'fast-decode' (rgbpose's default: a keyframe every 4
frames, no B-frames, CAVLC, no deblocking). One person, keypoints given at 1920x1080 like NTU's. Rows: MMDecode of the 8
RGB frames of a training sample and of the 80 frames of a 10-clip test sample (mmaction2 on its video; rgbpose on the
same video and on its own), and the RGB augmentations of rgbpose_conv3d.py's training pipeline (MMCompact, Resize 256,
RandomResizedCrop, Resize 224, Flip) on 8 decoded frames. Median CPU milliseconds (time.process_time) of calls
interleaved between the two libraries. tools/bench_pipeline.py measures the whole pipelines on rendered 1080p clips.
"""
import copy, tempfile, time
from pathlib import Path
import numpy as np
import mmaction_reference  # noqa: F401  (shims)
import cv2, torch
from mmaction.datasets.transforms import (MMUniformSampleFrames as RefMMUSF, MMDecode as RefMMDecode, MMCompact as RefMMCompact,
                                          Resize as RefResize, RandomResizedCrop as RefRRC, Flip as RefFlip)
from rgbpose import transforms as T
from rgbpose.decode import MMDecode, MMUniformSampleFrames
from rgbpose.video import write_video, compress_video

cv2.setNumThreads(1); torch.set_num_threads(1)
LEFT, RIGHT = [1, 3, 5, 7, 9, 11, 13, 15], [2, 4, 6, 8, 10, 12, 14, 16]
N, H, W = 100, 540, 960


def paired_ms(ours, ref, rounds):
    "(ours, mmaction2's): median CPU ms of calls interleaved one by one."
    ours(); ref()
    to, tr = [], []
    for _ in range(rounds):
        for fn, ts in ((ours, to), (ref, tr)):
            t = time.process_time(); fn(); ts.append(time.process_time() - t)
    return 1e3 * float(np.median(to)), 1e3 * float(np.median(tr))


rng = np.random.default_rng(0)
y, x, c = np.mgrid[:H, :W + 3 * N, :3]
phase = rng.uniform(0, 2 * np.pi, (3, 3))
waves = 128 + 60 * np.sin(2 * np.pi * x / 37 + phase[0][c]) * np.cos(2 * np.pi * y / 23 + phase[1][c]) + 40 * np.sin(2 * np.pi * (x + y) / 61 + phase[2][c])
video = (np.clip(waves[:, 3 * t:3 * t + W] + rng.integers(-4, 5, (H, W, 3)), 0, 255).astype(np.uint8) for t in range(N))
kp = np.stack([rng.uniform(700, 1150, (1, N, 17)), rng.uniform(250, 900, (1, N, 17))], -1).astype(np.float32)
rows = []
with tempfile.TemporaryDirectory() as d:
    raw = write_video(Path(d) / 'bench_rgb.avi', video, codec='mpeg4', flags='+qscale', global_quality=236)
    for profile in ('reference', 'fast-decode'): compress_video(raw, Path(d) / f'{profile}.mp4', short_side=H, profile=profile)
    ann = dict(total_frames=N, img_shape=(1080, 1920), original_shape=(1080, 1920), label=0,
               keypoint=kp, keypoint_score=np.ones((1, N, 17), np.float32), modality='Pose', start_index=0)
    for K in (1, 10):
        ref = lambda: RefMMDecode()(RefMMUSF(dict(RGB=8, Pose=32), K, test_mode=K > 1)(copy.deepcopy(dict(ann, frame_dir=f'{d}/reference'))))
        for profile in ('reference', 'fast-decode'):
            ours = lambda: MMDecode(data_prefix=d)(MMUniformSampleFrames({'RGB': 8, 'Pose': 32}, K, test_mode=K > 1)(dict(ann, frame_dir=profile)))
            rows.append((f'MMDecode, {8 * K} frames ({K} clip{"s" * (K > 1)}); rgbpose on the {profile} video', *paired_ms(ours, ref, 5)[::-1]))
    ref_dec = RefMMDecode()(RefMMUSF(dict(RGB=8, Pose=32), 1)(copy.deepcopy(dict(ann, frame_dir=f'{d}/reference'))))
    our_dec = MMDecode(data_prefix=d)(MMUniformSampleFrames({'RGB': 8, 'Pose': 32}, 1)(dict(ann, frame_dir='reference')))
ref_aug = [RefMMCompact(hw_ratio=1., allow_imgpad=True), RefResize((256, 256), keep_ratio=False), RefRRC(area_range=(0.56, 1.0)),
           RefResize((224, 224), keep_ratio=False), RefFlip(flip_ratio=0.5, left_kp=LEFT, right_kp=RIGHT)]
our_aug = T.Compose([T.MMCompact(hw_ratio=1., allow_imgpad=True), T.Resize((256, 256), keep_ratio=False),
                     T.RandomResizedCrop(area_range=(0.56, 1.0)), T.Resize((224, 224), keep_ratio=False),
                     T.Flip(flip_ratio=0.5, left_kp=LEFT, right_kp=RIGHT)])
def ref_chain():  # the reference edits keypoints in place: copy them (and the frame list), not the frames
    r = dict(ref_dec, imgs=list(ref_dec['imgs']), keypoint=ref_dec['keypoint'].copy(), keypoint_score=ref_dec['keypoint_score'].copy())
    for t in ref_aug: r = t(r)
    return r
rows.append(('MMCompact+Resize+RRC+Resize+Flip, 8 frames', *paired_ms(lambda: our_aug(dict(our_dec)), ref_chain, 20)[::-1]))
print(f'| step (one thread, {W}x{H}, {N}-frame video; mmaction2 always on the reference video) | mmaction2 1.2.0 ms | rgbpose ms | speed-up |\n|---|---|---|---|')
for name, r, o in rows: print(f'| {name} | {r:.1f} | {o:.1f} | {r / o:.1f}x |')
