"""Time rgbpose's pseudo-heatmaps and the fused training sample on one CPU thread; mmaction2 1.2.0 side by side if importable.

    PYTHONPATH=.refenv:tools .venv/bin/python tools/bench_heatmaps.py     # with the reference
    .venv/bin/python tools/bench_heatmaps.py                              # rgbpose only

Heatmaps: GeneratePoseTarget on 100 frames x 2 persons (rgbpose.data.fake_skeleton) at 56x56, sigma 0.6, keypoint maps
and limb maps (the issue's benchmark), plus the fused config's 32 frames at 224 -> 56 (sigma 0.7, scaling 0.25).
GeneratePoseTarget renders keypoint maps with the numpy kernel (keypoint_maps_numpy) and limb maps with the torch one
(render_heatmaps); one more row times the torch kernel on the keypoint maps.
Fused sample: rgbpose_conv3d.py's training pipeline on a synthetic 960x540, 100-frame H.264 video (the size of a
compressed NTU video) with 2 persons annotated at 1920x1080: sample 8 RGB + 32 pose frames, decode the 8, compact crop,
Resize 256, RandomResizedCrop, Resize 224, Flip, 32-frame heatmaps, FormatShape. Test-time volumes (above glibc's
32 MB mmap threshold) with glibc's malloc defaults and with rgbpose.heatmaps.keep_freed_memory(), each in a fresh
interpreter (the setting is per process), mmaction2 under the same setting. Medians in milliseconds of calls interleaved
with mmaction2's (rounds of a few of ours, then one of the reference), so that both run on the same machine state.
"""
import copy, json, os, subprocess, sys, tempfile
from pathlib import Path
import numpy as np
import torch
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from rgbpose.data import fake_skeleton
from rgbpose.devtools import paired_ms  # ours and mmaction2's calls interleaved
from rgbpose.heatmaps import GeneratePoseTarget, build_pipeline, render_heatmaps
from rgbpose.video import write_video

try:
    import mmaction_reference  # noqa: F401  (shims)
    import cv2
    from mmaction.datasets.transforms import GeneratePoseTarget as RefGPT
    from mmengine.registry import TRANSFORMS
    cv2.setNumThreads(1)
except ImportError:
    RefGPT = None
torch.set_num_threads(1)


def gpt_calls(T, size, kw):
    "(ours, mmaction2's or None): GeneratePoseTarget(**kw) on T frames x 2 persons of a size x size frame, each on a fresh sample."
    kp, score = fake_skeleton(T, 2, (size, size), seed=0)
    sample = lambda: dict(keypoint=kp.copy(), keypoint_score=score.copy(), img_shape=(size, size))
    ours, ref = GeneratePoseTarget(**kw), RefGPT(**kw) if RefGPT else None
    return (lambda: ours(sample())), ref and (lambda: ref(sample()))


def heatmap_rows(rounds=30):
    rows = []
    for name, T, size, kw in [('keypoint maps, 100 frames x 2 persons, 56x56', 100, 56, {}),
                              ('limb maps, 100 frames x 2 persons, 56x56', 100, 56, dict(with_kp=False, with_limb=True)),
                              ('keypoint maps, 32 frames x 2 persons, 224 -> 56 (fused)', 32, 224, dict(sigma=0.7, scaling=0.25))]:
        ours, ref = gpt_calls(T, size, kw)
        if ref: assert np.abs(ours()['imgs'] - ref()['imgs']).max() < 1e-5
        t_ours, t_ref = paired_ms(ours, ref, rounds)
        rows.append((name, t_ref, t_ours))
    kp, score = fake_skeleton(100, 2, (56, 56), seed=0)  # the first row's sample, through the torch kernel
    t_torch, t_ref = paired_ms(lambda: render_heatmaps(kp.copy(), score.copy(), (56, 56)).numpy(), gpt_calls(100, 56, {})[1], rounds)
    rows.insert(1, ('keypoint maps, the same, torch kernel (render_heatmaps)', t_ref, t_torch))
    return rows


BIG = [('pose_only test volume: 10 clips x 32 frames, 64x64 (89 MB)', 320, 64, {}),
       ('rgbpose_conv3d test volume: 10 clips x 32 frames, 256 -> 64 (89 MB)', 320, 256, dict(sigma=0.7, scaling=0.25))]


def big_volume_times(keep, repeat=6):
    "[(ours ms, mmaction2 ms or None)] for BIG, in this process, after keep_freed_memory() if `keep`."
    if keep:
        from rgbpose.heatmaps import keep_freed_memory
        assert keep_freed_memory()
    return [paired_ms(*gpt_calls(T, size, kw), repeat, k=2) for _, T, size, kw in BIG]


def big_rows():
    rows = []
    for keep in (False, True):
        res = subprocess.run([sys.executable, __file__, '--big-volumes', 'keep' if keep else 'default'], check=True,
                             capture_output=True, text=True, env=dict(os.environ, PYTHONWARNINGS='ignore')).stdout
        for (name, *_), (o, r) in zip(BIG, json.loads(res.strip().splitlines()[-1])):
            rows.append((f'{name}, ' + ('keep_freed_memory()' if keep else "glibc's malloc defaults"), r, o))
    return rows


def fused_rows(rounds=10):
    N, H, W = 100, 540, 960
    rng = np.random.default_rng(0)
    yy, xx = np.mgrid[:H, :W]
    video = np.stack([np.stack([(xx + 7 * t) % 256, (yy + 3 * t) % 256, (xx // 3 + yy // 3 + 2 * t) % 256], -1) for t in range(N)])
    video = np.clip(video + rng.integers(-8, 9, video.shape), 0, 255).astype(np.uint8)  # texture: the encoder has work
    kp, score = fake_skeleton(N, 2, (1080, 1920), seed=0)
    rows = []
    with tempfile.TemporaryDirectory() as d:
        write_video(Path(d) / 'bench.mp4', video)
        ann = dict(frame_dir='bench', total_frames=N, img_shape=(1080, 1920), original_shape=(1080, 1920), label=0,
                   keypoint=kp, keypoint_score=score, modality='Pose', start_index=0)
        ours = build_pipeline('rgbpose_conv3d', 'train', data_prefix=d)
        head, tail = copy.copy(ours), copy.copy(ours)
        head.transforms, tail.transforms = ours.transforms[:2], ours.transforms[2:]  # sample + decode | the rest
        decoded = head(dict(ann))
        ref_whole = ref_dec = ref_tail = None
        if RefGPT:
            import mmaction_reference as mr
            from mmengine.config import Config
            cfg = Config.fromfile(os.path.join(os.path.dirname(mr.mmaction.__file__), '.mim/configs/skeleton/posec3d/rgbpose_conv3d/rgbpose_conv3d.py'))
            steps = [TRANSFORMS.build(s) for s in cfg.train_pipeline[:-1]]  # without PackActionInputs
            def ref(r, a, b):
                for s in steps[a:b]: r = s(r)
                return r
            fresh = lambda: copy.deepcopy(dict(ann, frame_dir=f'{d}/bench'))
            decoded_ref = ref(fresh(), 0, 2)
            def ref_tail():  # the reference edits keypoints in place: copy them (and the frame list)
                return ref(dict(decoded_ref, imgs=list(decoded_ref['imgs']), keypoint=decoded_ref['keypoint'].copy(),
                                keypoint_score=decoded_ref['keypoint_score'].copy()), 2, None)
            ref_whole, ref_dec = lambda: ref(fresh(), 0, None), lambda: ref(fresh(), 0, 2)
            out = ref_tail()
            assert out['imgs'].shape == (1, 3, 8, 224, 224) and out['heatmap_imgs'].shape == (1, 17, 32, 56, 56)
        t_ours, t_ref = paired_ms(lambda: ours(dict(ann)), ref_whole, rounds, k=2)
        t_dec, t_ref_dec = paired_ms(lambda: head(dict(ann)), ref_dec, rounds, k=2)
        t_rest, t_ref_rest = paired_ms(lambda: tail(dict(decoded)), ref_tail, rounds, k=2)
        assert tail(dict(decoded))['heatmap_imgs'].shape == (1, 17, 32, 56, 56)
    rows.append(('fused training sample: decode 8 frames of 960x540', t_ref_dec, t_dec))
    rows.append(('fused training sample: the rest (crop, resize, flip, 32-frame heatmaps, format)',
                 t_ref_rest, t_rest))
    rows.append(('fused training sample, whole pipeline', t_ref, t_ours))
    return rows


if __name__ == '__main__':
    if sys.argv[1:2] == ['--big-volumes']:
        print(json.dumps(big_volume_times(sys.argv[2] == 'keep'))); sys.exit()
    rows = heatmap_rows() + big_rows() + fused_rows()
    print(f'one CPU thread, torch {torch.__version__}, median ms' + ('' if RefGPT else ' (mmaction2 not importable: rgbpose only)'))
    print('| | mmaction2 1.2.0 ms | rgbpose ms | speed-up |\n|---|---|---|---|')
    for name, r, o in rows:
        print(f'| {name} | ' + (f'{r:.2f} | {o:.2f} | {r / o:.1f}x |' if r is not None else f'– | {o:.2f} | – |'))
    print(f'fused training samples per second per core: rgbpose {1e3 / rows[-1][2]:.1f}'
          + (f', mmaction2 {1e3 / rows[-1][1]:.1f}' if rows[-1][1] else ''))
