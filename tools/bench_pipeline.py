"""Samples per CPU-core-second of the fused model's data pipelines, rgbpose against mmaction2 1.2.0, each on the videos its
own compression step makes from the same raw 1920x1080 clips; and the storage each compression costs.

    PYTHONPATH=.refenv:tools .venv/bin/python tools/bench_pipeline.py              # ~5 min the first time, ~1.5 min after
    PYTHONPATH=.refenv:tools .venv/bin/python tools/bench_pipeline.py --seed 7     # other clips, never seen before
    PYTHONPATH=.refenv:tools .venv/bin/python tools/bench_pipeline.py --raw DIR [--ann FILE]   # your own raw clips
    PYTHONPATH=.refenv:tools .venv/bin/python tools/bench_pipeline.py --levers     # + each decoding lever alone

Clips: --clips (3) clips of --frames (100) frames rendered by rgbpose.synth (people acting, a moving camera, sensor noise)
at 960x540 and scaled up to 1920x1080 (bicubic; --native renders at 1920x1080, ~1-3 min a clip), written as NTU's raw
AVIs (MPEG-4 Part 2 at -q:v 2), cached in --work; or the *_rgb.avi of --raw, with their skeletons from --ann (an mmaction2
annotation pickle) or, without one, a synthetic person (rgbpose.data.fake_skeleton).
Compression, each side its own: mmaction2's is tools/data/ntu/compress_nturgbd.py's ffmpeg command (libx264 CRF 23, preset
medium, short side 540, libx264's defaults otherwise: a keyframe every 250 frames, 3 B-frames, CABAC), which
rgbpose.video.compress_video(profile='reference') reproduces; ours is `rgbpose compress`'s default, profile fast-decode (the
same, but a keyframe every 4 frames, no B-frames, CAVLC, no deblocking filter).
Pipelines: rgbpose_conv3d.py's train (8 RGB frames at 224, 32 heatmap frames at 56), val (1 test clip) and test (10 test
clips) pipelines up to FormatShape: mmaction2's built from its config by its registry (without PackActionInputs; the
sample deep-copied as its dataset does), ours by rgbpose.heatmaps.build_pipeline. Each call of either gets the same numpy
and random seeds, so both draw the same frame indices and crops: checked on every clip (indices, crop boxes and heatmaps
equal), with the model input pixels compared.
Timing: this process is pinned to one CPU with one thread everywhere (torch, OpenCV, decord, PyAV, BLAS); each call's
CPU time (time.process_time: every thread of the process, i.e. core-seconds) is recorded. Calls are interleaved, per round
and clip: ours on our videos (twice), ours on mmaction2's videos, mmaction2 on its videos, so that all see the same
machine. A pipeline's cost is the mean over clips of the median per clip; samples per core-second = 1 / cost.
"""
import os
for _v in ('OMP_NUM_THREADS', 'MKL_NUM_THREADS', 'OPENBLAS_NUM_THREADS'): os.environ[_v] = '1'
import argparse, copy, io, pickle, random, sys, time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
import numpy as np
import av
import torch
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from rgbpose.data import fake_skeleton, safe_load_pickle
from rgbpose.heatmaps import build_pipeline, keep_freed_memory
from rgbpose.decode import FrameReader, MMUniformSampleFrames
from rgbpose.video import compress, compress_video, probe_video, _resize, _x264_options, frame_dir_of

REF, FAST = "reference (mmaction2's)", 'keyframe every 4, no B-frames, CAVLC, no deblocking (fast-decode)'  # theirs, ours
PHASES = (('train', 'train (8 RGB frames at 224, 32 heatmaps at 56)'), ('val', 'test, 1 clip (8 + 32 frames at 256 / 64)'),
          ('test', 'test, 10 clips (80 + 320 frames at 256 / 64)'))
LEVERS = {  # compression settings weighed for the fast-decode profile: (profile, gop, bframes, other libx264 options)
    REF: ('reference', None, None, None),
    'no B-frames': ('reference', None, 0, None),
    'keyframe every 8, no B-frames': ('reference', 8, 0, None),
    'keyframe every 4, no B-frames': ('reference', 4, 0, None),
    'keyframe every 4, no B-frames, CAVLC': ('reference', 4, 0, {'coder': 'cavlc'}),
    FAST: ('fast-decode', None, None, None),
    'keyframe every 8, no B-frames, CAVLC, no deblocking': ('fast-decode', 8, None, None),
    'keyframe every 2, no B-frames, CAVLC, no deblocking': ('fast-decode', 2, None, None),
    'every frame a keyframe, CAVLC, no deblocking': ('fast-decode', 1, None, None),
}


# ---------------------------------------------------------------- clips, compression, storage
def make_raw_clip(work: Path, spec, name: str, seed: int, scale: int):
    "Render one clip of rgbpose.synth at spec's size, scale it up `scale` times (bicubic), write it as an NTU raw AVI."
    from rgbpose.synth import render_clip
    from rgbpose.video import write_video
    clip = render_clip(spec, name, seed)
    H, W = scale * spec.height, scale * spec.width
    up = (clip.frames if scale == 1 else
          (av.VideoFrame.from_ndarray(f, format='rgb24').reformat(W, H, interpolation='BICUBIC').to_ndarray() for f in clip.frames))
    write_video(work/'nturgbd_raw'/f'{name}_rgb.avi', up, fps=30, codec='mpeg4', flags='+qscale', global_quality=2 * 118, threads=1)
    kp = clip.record['keypoint'] * scale  # pixel centres: (x + .5) * s - .5; the half-pixel shift does not matter here
    rec = dict(clip.record, keypoint=kp.astype(np.float32), img_shape=(H, W), original_shape=(H, W), made_by=repr((spec, seed, scale)))
    (work/'skeleton').mkdir(parents=True, exist_ok=True)
    with open(work/'skeleton'/f'{name}.pkl', 'wb') as f: pickle.dump(rec, f)


def render_clips(work: Path, n: int, frames: int, seed: int, jobs: int, native: bool) -> list:
    "Render (or find, cached) n raw 1920x1080 clips of rgbpose.synth; returns their annotation records."
    from rgbpose.synth import SynthSpec
    spec = SynthSpec(width=1920, height=1080, frames=frames) if native else SynthSpec(width=960, height=540, frames=frames)
    scale = 1 if native else 2
    names = [spec.names()[i] for i in np.random.default_rng(seed).choice(len(spec.names()), n, replace=False)]
    def done(name):
        rec = work/'skeleton'/f'{name}.pkl'
        return rec.is_file() and (work/'nturgbd_raw'/f'{name}_rgb.avi').is_file() and safe_load_pickle(rec).get("made_by") == repr((spec, seed, scale))
    if todo := [name for name in names if not done(name)]:
        how = 'at 1920x1080' if native else 'at 960x540, scaled to 1920x1080'
        print(f'rendering {len(todo)} raw clips of {frames} frames {how} into {work} ({jobs} processes; cached for the next run)', flush=True)
        t = time.time()
        with ProcessPoolExecutor(min(jobs, len(todo)), mp_context=get_context('spawn')) as ex:
            list(ex.map(make_raw_clip, [work] * len(todo), [spec] * len(todo), todo, [seed] * len(todo), [scale] * len(todo)))
        print(f'  {time.time() - t:.0f} s', flush=True)
    return [safe_load_pickle(work/'skeleton'/f'{n}.pkl') for n in names]


def given_clips(raw: Path, ann) -> list:
    "Records for the raw videos of `raw`: from the annotation pickle `ann`, else a synthetic person of the video's size."
    recs = {r['frame_dir']: r for r in safe_load_pickle(ann)['annotations']} if ann else {}
    out = []
    for p in sorted(raw.glob('*_rgb.avi')):
        name, info = frame_dir_of(p), probe_video(p)
        if name in recs: out.append(recs[name]); continue
        kp, score = fake_skeleton(info.frames, 1, (info.height, info.width), seed=len(out))
        out.append(dict(frame_dir=name, label=0, img_shape=(info.height, info.width), original_shape=(info.height, info.width),
                        total_frames=info.frames, keypoint=kp, keypoint_score=score))
    if not out: raise SystemExit(f'no *_rgb.avi under {raw}')
    return out


def psnr_to_source(raw, videos: dict) -> dict:
    "PSNR (dB) of each compressed video against its source: the raw frames scaled to 540p as the compression scales them."
    info = probe_video(next(iter(videos.values())))
    with av.open(str(raw)) as c:
        src = np.stack([_resize(f, info.width, info.height).to_ndarray(format='rgb24') for f in c.decode(video=0)]).astype(np.float32)
    out = {}
    for k, v in videos.items():
        with FrameReader(v) as r: dec = r.get_batch(np.arange(len(r)))
        out[k] = float(10 * np.log10(255 ** 2 / np.mean((dec - src) ** 2)))
    return out


def compress_all(raw_dir: Path, work: Path, settings: dict, jobs: int) -> dict:
    "{setting: folder of <frame_dir>.mp4}, compressed from raw_dir (finished files are kept)."
    out = {}
    for key, (profile, gop, bframes, options) in settings.items():
        x264 = _x264_options(23, 'medium', profile, gop, bframes, options)  # the folder says what made its videos
        dst = work/'videos'/'-'.join(f'{k}{v}' for k, v in x264.items())
        if options:  # compress() has no libx264 passthrough: one video at a time
            dst.mkdir(parents=True, exist_ok=True)
            for p in sorted(raw_dir.glob('*_rgb.avi')):
                if not (dst/f'{frame_dir_of(p)}.mp4').exists():
                    compress_video(p, dst/f'{frame_dir_of(p)}.mp4', profile=profile, gop=gop, bframes=bframes, options=options)
        else:
            s = compress(raw_dir, dst, jobs=jobs, profile=profile, gop=gop, bframes=bframes, progress=False)
            if not s.ok: raise SystemExit(str(s))
        out[key] = dst
    return out


# ---------------------------------------------------------------- the pipelines
def reference_pipelines():
    "mmaction2 1.2.0's rgbpose_conv3d train / val / test pipelines (without PackActionInputs), or None."
    try:
        import mmaction_reference as mr
        import cv2
        from mmengine.config import Config
        from mmengine.registry import TRANSFORMS
    except ImportError as e:
        print(f'mmaction2 not importable ({e}): rgbpose only. Run with PYTHONPATH=.refenv:tools (see tools/mmaction_reference.py).')
        return None
    cv2.setNumThreads(1)
    cfg = Config.fromfile(os.path.join(os.path.dirname(mr.mmaction.__file__),
                                       '.mim/configs/skeleton/posec3d/rgbpose_conv3d/rgbpose_conv3d.py'))
    return {phase: [TRANSFORMS.build(s) for s in getattr(cfg, f'{phase}_pipeline')[:-1]] for phase, _ in PHASES}


def call_ours(pipe, rec, seed):
    np.random.seed(seed); random.seed(seed)
    return pipe(dict(rec))  # our dataset's shallow copy: no transform edits the record's arrays


def call_ref(steps, rec, seed, video_dir):
    np.random.seed(seed); random.seed(seed)
    r = copy.deepcopy(dict(rec, frame_dir=f"{video_dir}/{rec['frame_dir']}"))  # mmaction2's dataset deep-copies each sample
    for s in steps: r = s(r)
    return r


def cpu_seconds(fn):
    t = time.process_time(); out = fn(); return time.process_time() - t, out


def compare(ours, ref) -> dict:
    "Parity of one sample: indices, crop, heatmaps equal? and how far apart the model's input pixels are."
    same_inds = all(np.array_equal(ours[k], ref[k]) for k in ('RGB_inds', 'Pose_inds'))
    same_crop = (tuple(ours['img_shape']) == tuple(ref['img_shape']) and np.array_equal(ours.get('crop_bbox', 0), ref.get('crop_bbox', 0))
                 and np.allclose(ours['keypoint'], ref['keypoint'], atol=1e-3))  # the keypoints after every crop, resize and flip
    heat = float(np.abs(np.asarray(ours['heatmap_imgs'], np.float32) - np.asarray(ref['heatmap_imgs'], np.float32)).max())
    pix = np.abs(np.asarray(ours['imgs'], np.float32) - np.asarray(ref['imgs'], np.float32))
    return dict(same_inds=same_inds, same_crop=same_crop, heatmap_diff=heat, pixel_mean=float(pix.mean()),
                pixel_psnr=float(10 * np.log10(255 ** 2 / max(np.mean(pix ** 2), 1e-12))))


def time_pipelines(recs, dirs: dict, ref_steps, rounds):
    "{(phase, who): [per-clip median CPU seconds]}, {(phase, who): [parity dicts]}; who: ours, ours_on_ref, ref."
    keep_freed_memory()  # as rgbpose's data-loader workers do; mmaction2 runs in this process and gets it too
    ours = {(ph, who): build_pipeline('rgbpose_conv3d', ph, data_prefix=str(dirs[p]))
            for ph, _ in PHASES for who, p in (('ours', FAST), ('ours_on_ref', REF))}
    times, parity = {}, {}
    for rnd in range(rounds + 1):  # round 0 warms up (imports, first allocations) and checks parity
        for c, rec in enumerate(recs):
            for ph, _ in PHASES:
                seed = 1000 * rnd + 10 * c + len(ph)
                calls = [('ours', lambda: call_ours(ours[ph, 'ours'], rec, seed)), ('ours', lambda: call_ours(ours[ph, 'ours'], rec, seed + 1)),
                         ('ours_on_ref', lambda: call_ours(ours[ph, 'ours_on_ref'], rec, seed))]
                if ref_steps: calls.append(('ref', lambda: call_ref(ref_steps[ph], rec, seed, dirs[REF])))
                outs = {}
                for who, fn in calls:
                    t, out = cpu_seconds(fn)
                    outs.setdefault(who, out)
                    if rnd: times.setdefault((ph, who, c), []).append(t)
                if ref_steps and rnd <= 1:
                    for who in ('ours', 'ours_on_ref'): parity.setdefault((ph, who), []).append(compare(outs[who], outs['ref']))
        print(f'  round {rnd}/{rounds} done', flush=True)
    med = {}
    for (ph, who, c), ts in times.items(): med.setdefault((ph, who), []).append(float(np.median(ts)))
    return med, parity, {k: len(v) for k, v in times.items()}


# ---------------------------------------------------------------- the levers
def decode_levers(recs, dirs: dict, rounds: int) -> dict:
    "{setting: dict(train_decord, train_pyav, frames_decoded, test10_decord, test10_pyav, rgb_conversion)} in ms of CPU."
    import decord
    out = {k: {} for k in dirs}
    for rnd in range(rounds + 1):
        for c, rec in enumerate(recs):
            np.random.seed(rnd * 100 + c)
            sample = MMUniformSampleFrames({'RGB': 8, 'Pose': 32})(dict(total_frames=rec['total_frames']))['RGB_inds']
            test10 = MMUniformSampleFrames({'RGB': 8, 'Pose': 32}, 10, test_mode=True)(dict(total_frames=rec['total_frames']))['RGB_inds']
            for key, d in dirs.items():
                fn = str(d/f"{rec['frame_dir']}.mp4")
                def by_decord(inds):  # mmaction2's MMDecode: the file read into memory, get_batch in clip order
                    return decord.VideoReader(io.BytesIO(open(fn, 'rb').read()), num_threads=1).get_batch(inds).asnumpy()
                def by_pyav(inds):
                    with FrameReader(fn) as r: return r.get_batch(inds), r.decoded
                res = dict(train_decord=lambda: by_decord(sample), train_pyav=lambda: by_pyav(sample),
                           test10_decord=lambda: by_decord(test10), test10_pyav=lambda: by_pyav(test10))
                for name, f in res.items():
                    t, o = cpu_seconds(f)
                    if rnd: out[key].setdefault(name, []).append(1e3 * t)
                    if name == 'train_pyav' and rnd: out[key].setdefault('frames_decoded', []).append(o[1])
        print(f'  levers round {rnd}/{rounds} done', flush=True)
    return {k: {m: float(np.median(v)) for m, v in d.items()} for k, d in out.items()}


def after_decoding_ms(recs, dirs, ref_steps, rounds=5) -> tuple:
    "CPU ms of the training sample's steps after decoding (crop, resize, crop, resize, flip, heatmaps, format): ours, mmaction2's."
    head = build_pipeline('rgbpose_conv3d', 'train', data_prefix=str(dirs[FAST]))
    tail = copy.copy(head); tail.transforms = head.transforms[2:]; head.transforms = head.transforms[:2]
    to, tr = [], []
    for rnd in range(rounds):
        for c, rec in enumerate(recs):
            seed = 77 + rnd * 10 + c
            dec = call_ours(head, rec, seed)
            to.append(cpu_seconds(lambda: call_ours(tail, dec, seed))[0])
            if ref_steps:
                rdec = call_ref(ref_steps['train'][:2], rec, seed, dirs[REF])
                def ref_tail():
                    r = dict(rdec, imgs=list(rdec['imgs']), keypoint=rdec['keypoint'].copy(), keypoint_score=rdec['keypoint_score'].copy())
                    for s in ref_steps['train'][2:]: r = s(r)
                tr.append(cpu_seconds(ref_tail)[0])
    return 1e3 * float(np.median(to)), (1e3 * float(np.median(tr)) if tr else None)


# ---------------------------------------------------------------- main
def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n\n')[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--clips', type=int, default=3, help='rendered clips (default 3)')
    p.add_argument('--frames', type=int, default=100, help='frames per rendered clip (NTU: ~100)')
    p.add_argument('--seed', type=int, default=0, help='which clips are rendered, and how')
    p.add_argument('--native', action='store_true', help='render at 1920x1080 (~1-3 min a clip) instead of at 960x540 scaled up')
    p.add_argument('--raw', type=Path, help='use the raw videos *_rgb.avi of this folder instead of rendered clips')
    p.add_argument('--ann', type=Path, help="annotation pickle with the --raw videos' skeletons (else a synthetic person)")
    p.add_argument('--work', type=Path, default=ROOT/'data'/'bench_pipeline', help='cache of clips and compressed videos')
    p.add_argument('--rounds', type=int, default=3, help='timed rounds over all clips and pipelines (plus a warm-up round)')
    p.add_argument('--jobs', type=int, default=2, help='processes rendering and compressing (not timed)')
    p.add_argument('--cpu', type=int, default=None, help='the CPU the timing is pinned to (default: the last one allowed)')
    p.add_argument('--levers', action='store_true', help='also time decoding under each compression setting and decoder (~5 min more)')
    p.add_argument('--lever-rounds', type=int, default=5, help='timed rounds of --levers')
    a = p.parse_args()
    t_start = time.time()
    work = a.work/(f'raw-{a.raw.resolve().name}' if a.raw else f'seed{a.seed}-{a.frames}f' + ('-native' if a.native else ''))
    if a.raw: recs, raw_dir = given_clips(a.raw, a.ann), a.raw
    else: recs, raw_dir = render_clips(work, a.clips, a.frames, a.seed, a.jobs, a.native), work/'nturgbd_raw'
    recs = [dict({k: v for k, v in r.items() if k not in ('raw_sha256', 'fingerprint', 'made_by')}, modality='Pose', start_index=0)
            for r in recs]  # the keys mmaction2's PoseDataset adds
    print(f'compressing {len(recs)} raw clips ({", ".join(r["frame_dir"] for r in recs)}), and their fidelity', flush=True)
    t = time.time()
    dirs = compress_all(raw_dir, work, LEVERS if a.levers else {k: LEVERS[k] for k in (REF, FAST)}, a.jobs)
    with ProcessPoolExecutor(a.jobs, mp_context=get_context('spawn')) as ex:  # quality, in parallel (not timed)
        raws = {r['frame_dir']: next(raw_dir.rglob(f"{r['frame_dir']}_rgb.avi")) for r in recs}
        q = list(ex.map(psnr_to_source, [raws[r['frame_dir']] for r in recs],
                        [{k: d/f"{r['frame_dir']}.mp4" for k, d in dirs.items()} for r in recs]))
    storage = {k: (np.mean([(d/f"{r['frame_dir']}.mp4").stat().st_size for r in recs]) / 1e3, np.mean([x[k] for x in q])) for k, d in dirs.items()}
    info = {k: probe_video(d/f"{recs[0]['frame_dir']}.mp4") for k, d in dirs.items()}
    print(f'  {time.time() - t:.0f} s', flush=True)

    cpu = a.cpu if a.cpu is not None else max(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu}); torch.set_num_threads(1)
    ref_steps = reference_pipelines()
    print(f'timing on CPU {cpu}, one thread: {a.rounds} rounds x {len(recs)} clips x 3 pipelines', flush=True)
    med, parity, counts = time_pipelines(recs, dirs, ref_steps, a.rounds)
    rest = after_decoding_ms(recs, dirs, ref_steps)
    levers = decode_levers(recs, dirs, a.lever_rounds) if a.levers else None

    total_frames = sum(int(r['total_frames']) for r in recs)
    print(f'\n## rgbpose_conv3d data pipelines: samples per CPU-core-second\n\n{len(recs)} clips of {total_frames / len(recs):.0f} '
          f'frames on average, raw 1920x1080 -> 960x540; CPU {cpu} of {os.cpu_count()}, one thread, torch {torch.__version__}, '
          f'PyAV {av.__version__}; median of {min(counts.values())}-{max(counts.values())} calls per clip and pipeline, mean over clips.\n')
    print('| pipeline | mmaction2 1.2.0 on its videos | rgbpose on its videos (fast-decode) | speed-up | rgbpose on mmaction2\'s videos | speed-up |')
    print('|---|---|---|---|---|---|')
    fmt = lambda s: f'{1 / s:.1f}/s ({1e3 * s:.0f} ms)'
    for ph, label in PHASES:
        o, oo = np.mean(med[ph, 'ours']), np.mean(med[ph, 'ours_on_ref'])
        if ref_steps:
            r = np.mean(med[ph, 'ref'])
            per_clip = [rr / x for rr, x in zip(med[ph, 'ref'], med[ph, 'ours'])]
            print(f'| {label} | {fmt(r)} | {fmt(o)} | **{r / o:.1f}x** (clips {min(per_clip):.1f}-{max(per_clip):.1f}x) | {fmt(oo)} | {r / oo:.1f}x |')
        else: print(f'| {label} | - | {fmt(o)} | - | {fmt(oo)} | - |')
    print(f'\nAfter decoding (MMCompact, Resize, RandomResizedCrop, Resize, Flip, 32 heatmaps, FormatShape), per training sample: '
          f'rgbpose {rest[0]:.1f} ms' + (f', mmaction2 {rest[1]:.1f} ms' if rest[1] else ''))
    if parity:
        print('\nParity with mmaction2 (same seeds; every clip, pipeline and the first two rounds):')
        for who, what in (('ours', 'rgbpose on its videos'), ('ours_on_ref', "rgbpose on mmaction2's videos")):
            ps = [x for (ph, w), v in parity.items() if w == who for x in v]
            print(f'- {what}: frame indices equal in {sum(x["same_inds"] for x in ps)}/{len(ps)} samples, crops in '
                  f'{sum(x["same_crop"] for x in ps)}/{len(ps)}, heatmaps max |diff| {max(x["heatmap_diff"] for x in ps):.1g}; '
                  f'model input pixels mean |diff| {np.mean([x["pixel_mean"] for x in ps]):.2f} grey levels '
                  f'(PSNR {np.mean([x["pixel_psnr"] for x in ps]):.1f} dB)')
    print('\n## Storage and fidelity of each compression (the same raw clips)\n')
    print('| compression | keyframe interval, B-frames, entropy coding | kB per clip | x reference | PSNR to the source |')
    print('|---|---|---|---|---|')
    for k, (kb, db) in storage.items():
        i = info[k]
        print(f'| {k} | {i.keyframe_interval}, {"B-frames" if i.bframes else "no B-frames"}, {i.entropy} | {kb:.0f} | '
              f'{kb / storage[REF][0]:.2f}x | {db:.1f} dB |')
    if levers:
        print('\n## Decoding levers: CPU ms per sample (medians), each compression with each decoder\n')
        print('| compression | train: decord, clip order (mmaction2) | train: FrameReader | frames decoded for 8 | '
              '10 clips: decord, clip order (mmaction2) | 10 clips: FrameReader |')
        print('|---|---|---|---|---|---|')
        for k, m in levers.items():
            print(f'| {k} | {m["train_decord"]:.1f} | {m["train_pyav"]:.1f} | {m["frames_decoded"]:.0f} | '
                  f'{m["test10_decord"]:.0f} | {m["test10_pyav"]:.0f} |')
    print(f'\n(whole run {time.time() - t_start:.0f} s)')


if __name__ == '__main__':
    main()
