"""Fixtures for nbs/04_transforms.ipynb from mmaction2 1.2.0's pose/video transforms (reference only).

    PYTHONPATH=.refenv:tools .venv/bin/python tools/make_transform_fixtures.py

Writes nbs/fixtures/transforms/:
  sampling.npz  UniformSampleFrames / MMUniformSampleFrames indices, every n in 1..200, L in {8, 32}, K in {1, 10},
                test mode (seed 255) and train mode (np.random.seed(n) before each call)
  compact.npz   PoseCompact / MMCompact on random skeletons (NaN, missing joints, joints outside the frame)
  resize.npz    Resize (mmcv.imresize = cv2 INTER_LINEAR) on frames and keypoints
  rrc.npz       RandomResizedCrop boxes with seeded numpy + python RNGs, and cropped keypoints
  flip.npz      Flip with seeded numpy RNG: decision, frames, keypoints, scores
  tiny.mp4      a 96x54, 40-frame H.264 clip (PyAV), and
  decode.npz    MMDecode on it + the whole train / val / test chains of rgbpose_conv3d.py (small sizes)
  format.npz    FormatShape (NCTHW with heatmap_imgs, NCTHW_Heatmap) and the RGB data preprocessor
"""
import os, random, copy
import numpy as np
import mmaction_reference  # noqa: F401  (shims)
import torch
from mmaction.datasets.transforms import (UniformSampleFrames, MMUniformSampleFrames, PoseDecode, MMDecode, PoseCompact,
                                          MMCompact, Resize, RandomResizedCrop, Flip, FormatShape)
from mmaction.models.data_preprocessors import ActionDataPreprocessor

OUT = 'nbs/fixtures/transforms'
os.makedirs(OUT, exist_ok=True)
LEFT, RIGHT = [1, 3, 5, 7, 9, 11, 13, 15], [2, 4, 6, 8, 10, 12, 14, 16]


def save(name, **arrays):
    np.savez_compressed(f'{OUT}/{name}', **arrays)
    print(f'{name}: {os.path.getsize(f"{OUT}/{name}") / 1024:.1f} KiB')


# ---------------------------------------------------------------- sampling
NS = np.arange(1, 201)
s = {}
for L in (8, 32):
    for K in (1, 10):
        test = UniformSampleFrames(L, K, test_mode=True)
        s[f'test_L{L}_K{K}'] = np.stack([test(dict(total_frames=int(n)))['frame_inds'] for n in NS]).astype(np.uint8)
        train, rows = UniformSampleFrames(L, K), []
        for n in NS:
            np.random.seed(int(n)); rows.append(train(dict(total_frames=int(n)))['frame_inds'])
        s[f'train_L{L}_K{K}'] = np.stack(rows).astype(np.uint8)
for K in (1, 10):
    for mode in ('test', 'train'):
        mm, rgb, pose = MMUniformSampleFrames(dict(RGB=8, Pose=32), K, test_mode=mode == 'test'), [], []
        for n in NS:
            np.random.seed(int(n))
            r = mm(dict(total_frames=int(n), modality='Pose'))
            rgb.append(r['RGB_inds']); pose.append(r['Pose_inds'])
        s[f'mm_{mode}_K{K}_RGB'], s[f'mm_{mode}_K{K}_Pose'] = np.stack(rgb).astype(np.uint8), np.stack(pose).astype(np.uint8)
# with keypoints (the "transitional frames" branch) and a start_index; persons appear and disappear
rng = np.random.default_rng(0)
kp = rng.uniform(1, 100, (3, 50, 17, 2)).astype(np.float32)
kp[1, 10:20] = 0; kp[2, :30] = 0; kp[:, 40:] = 0
np.random.seed(7)
r = UniformSampleFrames(32, 2)(dict(total_frames=50, keypoint=kp, start_index=0))
s['kp_train_inds'], s['kp_keypoint'] = r['frame_inds'], kp
# start_index shifts the indices (with keypoints and start_index > 0 the reference raises IndexError: a bug)
np.random.seed(7)
s['start3_train_inds'] = UniformSampleFrames(32, 2)(dict(total_frames=50, start_index=3))['frame_inds']
save('sampling.npz', **s)

# ---------------------------------------------------------------- compact
rng = np.random.default_rng(1)
H, W = 36, 48
def frames(T, h=H, w=W):  # pixel (t, y, x) holds (x + 1, y + 1, t + 1): crops show where they came from, zero = padding
    t, y, x = np.meshgrid(np.arange(T), np.arange(h), np.arange(w), indexing='ij')
    return np.stack([x + 1, y + 1, t + 1], -1).astype(np.uint8)
cases = []
for c in range(24):
    M, T = [1, 2, 3, 0][c % 4], [1, 3, 6][c % 3]
    cx, cy, sx, sy = rng.uniform(5, W - 5), rng.uniform(5, H - 5), rng.uniform(2, 16), rng.uniform(2, 12)
    kp = np.stack([rng.normal(cx, sx, (M, T, 17)), rng.normal(cy, sy, (M, T, 17))], -1).astype(np.float32)
    kp[rng.random(kp.shape[:-1]) < 0.2] = 0                      # missing joints
    kp[..., 0][rng.random(kp.shape[:-1]) < 0.05] = np.nan        # NaN coordinates
    kp[..., 1][rng.random(kp.shape[:-1]) < 0.05] = np.nan
    if c % 7 == 3: kp = kp * 0.05 + 20                          # box below the threshold
    cases.append(kp)
configs = [dict(padding=0.25, threshold=10, hw_ratio=None, allow_imgpad=True),
           dict(padding=0.25, threshold=10, hw_ratio=1., allow_imgpad=True),
           dict(padding=0.25, threshold=10, hw_ratio=1., allow_imgpad=False),
           dict(padding=0.3, threshold=0, hw_ratio=(0.75, 1.5), allow_imgpad=True),
           dict(padding=0., threshold=5, hw_ratio=0.75, allow_imgpad=False)]
cp = dict(H=H, W=W)
for c, kp in enumerate(cases):
    cp[f'c{c}_kp'] = kp
    for j, cfg in enumerate(configs):
        with np.errstate(invalid='ignore'):
            r = PoseCompact(**cfg)(dict(keypoint=kp.copy(), img_shape=(H, W)))
        cp[f'c{c}_pose{j}_kp'], cp[f'c{c}_pose{j}_shape'] = r['keypoint'], np.array(r['img_shape'])
        cp[f'c{c}_pose{j}_quad'] = np.array(r.get('crop_quadruple', (np.nan,) * 4), np.float64)
    for j, cfg in enumerate([dict(), dict(hw_ratio=1., allow_imgpad=False), dict(padding=0.5, hw_ratio=(0.5, 2.))]):
        if cp.get(f'c{c}_pose2_shape', np.ones(2)).min() <= 0 and cfg.get('allow_imgpad') is False: continue
        T = kp.shape[1]
        r = MMCompact(**cfg)(dict(keypoint=kp.copy(), img_shape=(H, W), imgs=list(frames(T))))
        cp[f'c{c}_mm{j}_kp'], cp[f'c{c}_mm{j}_shape'] = r['keypoint'], np.array(r['img_shape'])
        out = np.stack(r['imgs'])  # the same box on every frame: keep frame 0, check the others here
        assert np.array_equal(out[..., :2], np.broadcast_to(out[:1, ..., :2], out[..., :2].shape))
        cp[f'c{c}_mm{j}_imgs'] = out[0]
cp['configs'] = np.array([repr(c) for c in configs])
save('compact.npz', **cp)

# ---------------------------------------------------------------- resize
rng = np.random.default_rng(2)
def natural(T, h, w):  # smooth structure plus noise, like a real frame
    import cv2
    base = rng.integers(0, 256, (T, h // 6 + 2, w // 6 + 2, 3)).astype(np.uint8)
    up = np.stack([cv2.resize(b, (w, h), interpolation=cv2.INTER_CUBIC) for b in base]).astype(int)
    return np.clip(up + rng.integers(-12, 13, up.shape), 0, 255).astype(np.uint8)
rs = {}
resize_cases = [((60, 80), dict(scale=(48, 48), keep_ratio=False)), ((45, 40), dict(scale=(64, 64), keep_ratio=False)),
                ((60, 80), dict(scale=(-1, 32))), ((60, 80), dict(scale=(100, 30))), ((50, 70), dict(scale=0.5)),
                ((57, 57), dict(scale=(56, 56), keep_ratio=False)), ((33, 47), dict(scale=(47, 33), keep_ratio=False))]
for c, ((h, w), cfg) in enumerate(resize_cases):
    imgs = natural(1, h, w)
    kp = rng.uniform(0, min(h, w), (2, 2, 17, 2)).astype(np.float32); kp[0, 0, :3] = 0
    r = Resize(**cfg)(dict(imgs=list(imgs.copy()), keypoint=kp.copy(), img_shape=(h, w), modality='RGB'))
    rs[f'c{c}_imgs'], rs[f'c{c}_kp'] = imgs, kp
    rs[f'c{c}_out'], rs[f'c{c}_kp_out'] = np.stack(r['imgs']), r['keypoint']
    rs[f'c{c}_shape'], rs[f'c{c}_scale_factor'] = np.array(r['img_shape']), r['scale_factor']
rs['cfgs'] = np.array([repr(c) for _, c in resize_cases])
save('resize.npz', **rs)

# ---------------------------------------------------------------- random resized crop
rr = dict(shapes=np.array([(256, 256), (64, 64), (100, 40), (10, 1000), (57, 83), (224, 300)]),
          areas=np.array([(0.56, 1.0), (0.08, 1.0), (0.9, 1.0)]))
boxes = np.zeros((len(rr['shapes']), len(rr['areas']), 20, 4), np.int64)
for i, (h, w) in enumerate(rr['shapes']):
    for j, area in enumerate(rr['areas']):
        t = RandomResizedCrop(area_range=tuple(float(a) for a in area))
        for seed in range(20):
            np.random.seed(seed); random.seed(seed)
            r = t(dict(img_shape=(int(h), int(w)), modality='RGB'))
            boxes[i, j, seed] = r['crop_bbox']
rr['boxes'] = boxes
kp = rng.uniform(-5, 70, (2, 4, 17, 2)).astype(np.float32); kp[:, :, :2] = 0
np.random.seed(3); random.seed(3)
r = RandomResizedCrop(area_range=(0.56, 1.0))(dict(img_shape=(64, 64), keypoint=kp.copy(), imgs=list(frames(4, 64, 64))))
rr.update(kp=kp, kp_out=r['keypoint'], imgs_out=np.stack(r['imgs']), quad=r['crop_quadruple'], box=r['crop_bbox'])
save('rrc.npz', **rr)

# ---------------------------------------------------------------- flip
fl = {}
kp = rng.uniform(0, 40, (2, 3, 17, 2)).astype(np.float32); kp[0, 1, :4] = 0
sc = rng.uniform(0, 1, (2, 3, 17)).astype(np.float32)
fl['kp'], fl['score'], fl['imgs'] = kp, sc, frames(3, 20, 30)
for seed in range(6):
    np.random.seed(seed)
    r = Flip(flip_ratio=0.5, left_kp=LEFT, right_kp=RIGHT)(
        dict(keypoint=kp.copy(), keypoint_score=sc.copy(), imgs=list(frames(3, 20, 30)), img_shape=(20, 30), modality='RGB'))
    fl[f's{seed}_flip'] = np.array(r['flip'])
    fl[f's{seed}_kp'], fl[f's{seed}_score'], fl[f's{seed}_imgs'] = r['keypoint'], r['keypoint_score'], np.stack(r['imgs'])
np.random.seed(1)  # no swap lists (rgb_only)
r = Flip(flip_ratio=1.)(dict(keypoint=kp.copy(), keypoint_score=sc.copy(), img_shape=(20, 30), modality='RGB'))
fl['noswap_kp'], fl['noswap_score'] = r['keypoint'], r['keypoint_score']
save('flip.npz', **fl)

# ---------------------------------------------------------------- decode + whole chains on a tiny video
import av
T_VID, VH, VW = 40, 54, 96
video = f'{OUT}/tiny.mp4'
if not os.path.exists(video):
    t, y, x = np.meshgrid(np.arange(T_VID), np.arange(VH), np.arange(VW), indexing='ij')
    vid = np.stack([(x * 2 + t * 6) % 256, (y * 4 + t * 3) % 256, 128 + 60 * ((x // 12 + y // 12 + t // 4) % 2)], -1)
    with av.open(video, 'w') as c:
        st = c.add_stream('libx264', rate=30); st.width, st.height, st.pix_fmt = VW, VH, 'yuv420p'
        st.options = {'crf': '28', 'g': '16'}
        for f in vid.astype(np.uint8):
            for p in st.encode(av.VideoFrame.from_ndarray(f, format='rgb24')): c.mux(p)
        for p in st.encode(): c.mux(p)
print('tiny.mp4', os.path.getsize(video), 'bytes')
rng = np.random.default_rng(4)
# a skeleton annotation in "original" 192x108 units (the video is half of it, like NTU 1080p -> 540p)
kp = np.stack([rng.normal(100, 20, (2, T_VID, 17)), rng.normal(55, 18, (2, T_VID, 17))], -1).astype(np.float32)
kp[1, :, :] *= (rng.random((T_VID, 1, 1)) < 0.7)                 # second person missing in some frames
score = rng.uniform(0, 1, (2, T_VID, 17)).astype(np.float32) * (kp[..., 0] != 0)
ann = dict(frame_dir=video[:-4], total_frames=T_VID, img_shape=(108, 192), original_shape=(108, 192), label=3,
           keypoint=kp, keypoint_score=score, modality='Pose', start_index=0)
dc = dict(kp=kp, score=score)
r = MMDecode()(MMUniformSampleFrames(dict(RGB=8, Pose=32), 1, test_mode=True)(copy.deepcopy(ann)))
dc.update(dec_RGB_inds=r['RGB_inds'], dec_Pose_inds=r['Pose_inds'], dec_imgs=np.stack(r['imgs']), dec_kp=r['keypoint'],
          dec_score=r['keypoint_score'], dec_shape=np.array(r['img_shape']))
r = MMDecode()(MMUniformSampleFrames(dict(RGB=8), 1, test_mode=True)(copy.deepcopy(ann)))  # rgb_only: keypoints not sliced
assert np.array_equal(np.stack(r['imgs']), dc['dec_imgs'])  # same seed, same RGB indices
dc.update(rgbonly_kp=r['keypoint'], rgbonly_shape=np.array(r['img_shape']))

def chain(phase, K=1):
    if phase == 'train':
        return [MMUniformSampleFrames(dict(RGB=8, Pose=32), num_clips=1), MMDecode(), MMCompact(hw_ratio=1., allow_imgpad=True),
                Resize(scale=(40, 40), keep_ratio=False), RandomResizedCrop(area_range=(0.56, 1.0)),
                Resize(scale=(32, 32), keep_ratio=False), Flip(flip_ratio=0.5, left_kp=LEFT, right_kp=RIGHT),
                FormatShape('NCTHW')]
    return [MMUniformSampleFrames(dict(RGB=8, Pose=32), num_clips=K, test_mode=True), MMDecode(),
            MMCompact(hw_ratio=1., allow_imgpad=True), Resize(scale=(40, 40), keep_ratio=False), FormatShape('NCTHW')]
for name, phase, K, seeds in [('train', 'train', 1, range(3)), ('val', 'val', 1, [0]), ('test', 'test', 2, [0])]:
    for seed in seeds:
        np.random.seed(seed); random.seed(seed)
        r = copy.deepcopy(ann)
        for t in chain(phase, K): r = t(r)
        p = f'{name}{seed}'
        dc.update({f'{p}_imgs': r['imgs'], f'{p}_kp': r['keypoint'], f'{p}_score': r['keypoint_score'],
                   f'{p}_shape': np.array(r['img_shape']), f'{p}_flip': np.array(r.get('flip', False)),
                   f'{p}_RGB_inds': r['RGB_inds'], f'{p}_Pose_inds': r['Pose_inds']})
# the pose-only chain of pose_only.py (keypoints only, 1080p-style units, no video), train and test
def pose_chain(phase):
    if phase == 'train':
        return [UniformSampleFrames(32, 1), PoseDecode(), PoseCompact(hw_ratio=1., allow_imgpad=True), Resize((64, 64), keep_ratio=False),
                RandomResizedCrop(area_range=(0.56, 1.0)), Resize((56, 56), keep_ratio=False), Flip(flip_ratio=0.5, left_kp=LEFT, right_kp=RIGHT)]
    return [UniformSampleFrames(32, 10, test_mode=True), PoseDecode(), PoseCompact(hw_ratio=1., allow_imgpad=True),
            Resize((64, 64), keep_ratio=False)]
for name, seeds in [('train', range(3)), ('test', [0])]:
    for seed in seeds:
        np.random.seed(seed); random.seed(seed)
        r = copy.deepcopy(ann); r.pop('img_shape'); r.update(img_shape=(108, 192))
        for t in pose_chain(name): r = t(r)
        p = f'pose_{name}{seed}'
        dc.update({f'{p}_kp': r['keypoint'], f'{p}_score': r['keypoint_score'], f'{p}_shape': np.array(r['img_shape']),
                   f'{p}_inds': r['frame_inds'], f'{p}_flip': np.array(r.get('flip', False))})
save('decode.npz', **dc)

# ---------------------------------------------------------------- format shape + normalisation
fm = {}
rng = np.random.default_rng(5)
imgs = rng.integers(0, 256, (2 * 3, 4, 5, 3)).astype(np.uint8)
hm = rng.random((2 * 6, 17, 4, 4)).astype(np.float32)
r = FormatShape('NCTHW')(dict(imgs=list(imgs), heatmap_imgs=hm, num_clips=2, clip_len=dict(RGB=3, Pose=6)))
fm.update(imgs=imgs, hm=hm, ncthw_imgs=r['imgs'], ncthw_hm=r['heatmap_imgs'])
r = FormatShape('NCTHW_Heatmap')(dict(imgs=hm.copy(), num_clips=2, clip_len=6))
fm['heatmap_imgs'] = r['imgs']
r = FormatShape('NCTHW', collapse=True)(dict(imgs=list(imgs[:3]), num_clips=1, clip_len=3))
fm['collapse_imgs'] = r['imgs']
dp = ActionDataPreprocessor(mean=[123.675, 116.28, 103.53], std=[58.395, 57.12, 57.375], format_shape='NCTHW')
x = torch.from_numpy(rng.integers(0, 256, (2, 2, 3, 3, 4, 5)).astype(np.uint8))
fm['norm_in'], fm['norm_out'] = x.numpy(), dp.preprocess(list(x), None)[0].numpy()
save('format.npz', **fm)
