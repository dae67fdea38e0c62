"""Fixtures for nbs/06_models.ipynb from mmaction2 1.2.0's own model classes (reference only).

    PYTHONPATH=.refenv:tools .venv/bin/python tools/make_model_fixtures.py

The three models are built from mmaction2's shipped configs (configs/skeleton/posec3d/rgbpose_conv3d/*.py). Their
full-size weights are ~145 MB, so instead of committing them every state-dict entry is filled, in key order, from a
seeded torch.Generator by `rgbpose.devtools.seeded_state_dict` (the models notebook uses the same function); inputs come from the same kind
of generator. Only key lists, outputs and input checksums are written, to nbs/fixtures/models/ (~0.7 MB):

* `*_state_dict_keys.tsv`: key and shape of every state-dict entry, in order (fused: the committed list, checked here);
* `fused.npz`, `rgb_only.npz`, `pose_only.npz`: full-size models in eval mode on small inputs (RGB 8x64x64, pose
  32x16x16, 2 clips): backbone features (fused, clip 0), pooled features, logits, clip-averaged probabilities,
  losses;
* `tiny.npz`: reduced-width fused and pose-only models (stage_blocks 1, base_channels 8/4), incl. training-mode
  forwards with drop_path 0.5 under fixed torch seeds (same random stream, same BN batch statistics);
* `tiny_pose_only_mmengine.pth`: a checkpoint saved the mmengine way (meta, message_hub with HistoryBuffer objects,
  numpy scalars, optimizer state) of the tiny pose-only model, to test reading real mmaction2 checkpoint files.
"""
import math, os, time
from collections import OrderedDict
import numpy as np
import torch
import mmaction_reference  # noqa: F401  (shims)
from rgbpose.devtools import seeded_state_dict, seeded_inputs, checksum  # shared with the models notebook
import mmaction
from mmengine.config import Config
from mmengine.logging import MessageHub
from mmaction.registry import MODELS
from mmaction.structures import ActionDataSample

OUT = 'nbs/fixtures/models'
CFG = os.path.join(os.path.dirname(mmaction.__file__), '.mim/configs/skeleton/posec3d/rgbpose_conv3d')
RGB_SHAPE, POSE_SHAPE = (3, 8, 64, 64), (17, 32, 16, 16)  # one clip; the fused model needs H_rgb = 4 H_pose


def build(name, **edit):
    cfg = Config.fromfile(f'{CFG}/{name}.py')
    for path, v in edit.items():  # e.g. backbone__rgb_pathway__base_channels=8
        d, *keys = cfg.model, *path.split('__')
        for k in keys[:-1]: d = d[k]
        d[keys[-1]] = v
    m = MODELS.build(cfg.model)
    m.init_weights()
    return m


def shapes_of(m): return [(k, tuple(v.shape)) for k, v in m.state_dict().items()]


def write_keys(m, fname, title):
    with open(f'{OUT}/{fname}', 'w') as f:
        f.write(f'# key\tshape  ({title}; module-registration order; written by tools/make_model_fixtures.py)\n')
        for k, s in shapes_of(m): f.write(f'{k}\t{s}\n')


def samples(labels):
    out = []
    for l in labels:
        s = ActionDataSample(); s.set_gt_label(int(l)); out.append(s)
    return out




@torch.no_grad()
def fused_outputs(m, B, K, seed, labels):
    imgs = seeded_inputs((B, K) + RGB_SHAPE, seed, 'rgb')
    hm = seeded_inputs((B, K) + POSE_SHAPE, seed + 1, 'pose')
    x_rgb, x_pose = m.backbone(imgs.flatten(0, 1), hm.flatten(0, 1))
    scores = m.cls_head((x_rgb, x_pose))
    pred = m.predict({'imgs': imgs.clone(), 'heatmap_imgs': hm.clone()}, samples(labels[:B]))
    # losses need one clip per video in mmaction2: the B·K clips as B·K videos
    loss = m.loss({'imgs': imgs.flatten(0, 1)[:, None], 'heatmap_imgs': hm.flatten(0, 1)[:, None]}, samples(labels))
    return dict(x_rgb=x_rgb[0], x_pose=x_pose[0], pool_rgb=x_rgb.mean((2, 3, 4)), pool_pose=x_pose.mean((2, 3, 4)),
                logits_rgb=scores['rgb'], logits_pose=scores['pose'],
                prob_rgb=torch.stack([p.pred_score['rgb'] for p in pred]),
                prob_pose=torch.stack([p.pred_score['pose'] for p in pred]),
                rgb_loss_cls=loss['rgb_loss_cls'], pose_loss_cls=loss['pose_loss_cls'],
                imgs_sum=checksum(imgs), heatmap_sum=checksum(hm)), scores


@torch.no_grad()
def single_outputs(m, B, K, seed, labels, shape, kind):
    x = seeded_inputs((B, K) + shape, seed, kind)
    feat = m.backbone(x.flatten(0, 1))
    logits = m.cls_head(feat)
    pred = m.predict(x.clone(), samples(labels[:B]))
    loss = m.loss(x.flatten(0, 1)[:, None], samples(labels))
    return dict(pool=feat.mean((2, 3, 4)), logits=logits, prob=torch.stack([p.pred_score for p in pred]),
                loss_cls=loss['loss_cls'], input_sum=checksum(x))


def save(fname, d):
    np.savez_compressed(f'{OUT}/{fname}', **{k: (v.numpy() if torch.is_tensor(v) else np.asarray(v)) for k, v in d.items()})


def main():
    os.makedirs(OUT, exist_ok=True)
    t0 = time.time()
    torch.set_num_threads(2)
    labels = [3, 7, 11, 59]

    # full-size models, eval mode
    fused = build('rgbpose_conv3d').eval()
    # fused_state_dict_keys.tsv is committed, not written here: mmaction2 must agree with it entry for entry
    assert [f'{k}\t{s}' for k, s in shapes_of(fused)] == open(f'{OUT}/fused_state_dict_keys.tsv').read().splitlines()[1:]
    fused.load_state_dict(seeded_state_dict(shapes_of(fused), 0))
    out, scores = fused_outputs(fused, 1, 2, 100, labels[:2])
    from mmaction.models.heads import RGBPoseHead
    head = RGBPoseHead(num_classes=60, in_channels=[2048, 512], loss_components=['rgb', 'pose'], loss_weights=[0.5, 2.0])
    weighted = head.loss_by_feat(scores, samples(labels[:2]))
    out.update(w_rgb_loss_cls=weighted['rgb_loss_cls'], w_pose_loss_cls=weighted['pose_loss_cls'])
    save('fused.npz', out)
    print('fused', {k: tuple(v.shape) for k, v in out.items()}, f'{time.time() - t0:.0f}s')

    for name, shape, kind in (('rgb_only', RGB_SHAPE, 'rgb'), ('pose_only', POSE_SHAPE, 'pose')):
        m = build(name).eval()
        write_keys(m, f'{name}_state_dict_keys.tsv', f'{name}: Recognizer3D + I3DHead, NTU60')
        m.load_state_dict(seeded_state_dict(shapes_of(m), 1 if kind == 'rgb' else 2))
        save(f'{name}.npz', single_outputs(m, 1, 2, 200 if kind == 'rgb' else 300, labels[:2], shape, kind))
        print(name, f'{time.time() - t0:.0f}s')

    # reduced widths: the same classes with other channel numbers, and training mode
    tiny = {}
    small = dict(backbone__rgb_pathway__base_channels=8, backbone__rgb_pathway__stage_blocks=(1, 1, 1, 1),
                 backbone__pose_pathway__base_channels=4, backbone__pose_pathway__stage_blocks=(1, 1, 1),
                 cls_head__in_channels=[256, 64], cls_head__num_classes=10)
    m = build('rgbpose_conv3d', **small, backbone__rgb_drop_path=0.5, backbone__pose_drop_path=0.5)
    tiny['fused_keys'] = np.array([f'{k}\t{s}' for k, s in shapes_of(m)])
    sd = seeded_state_dict(shapes_of(m), 3)
    imgs, hm = seeded_inputs((4,) + RGB_SHAPE, 400, 'rgb'), seeded_inputs((4,) + POSE_SHAPE, 401, 'pose')
    m.load_state_dict(sd); m.eval()
    with torch.no_grad(): s = m.cls_head(m.backbone(imgs, hm))
    tiny['fused_eval_rgb'], tiny['fused_eval_pose'] = s['rgb'], s['pose']
    m.train()
    for seed in range(6):  # training mode: BN batch statistics, dropout, drop_path coins from torch's global RNG
        m.load_state_dict(sd)
        torch.manual_seed(seed)
        with torch.no_grad(): s = m.cls_head(m.backbone(imgs, hm))
        tiny[f'fused_train{seed}_rgb'], tiny[f'fused_train{seed}_pose'] = s['rgb'], s['pose']
        torch.manual_seed(seed)
        tiny[f'fused_train{seed}_coins'] = torch.rand(2)  # the two coins the forward drew (drop if < 0.5)
        tiny[f'fused_train{seed}_running_mean'] = m.backbone.pose_path.layer2_lateral.bn.running_mean.clone()

    p = build('pose_only', backbone__base_channels=4, backbone__stage_blocks=(1, 1, 1), cls_head__in_channels=64,
              cls_head__num_classes=10).eval()
    tiny['pose_keys'] = np.array([f'{k}\t{s}' for k, s in shapes_of(p)])
    psd = seeded_state_dict(shapes_of(p), 5)
    p.load_state_dict(psd)
    with torch.no_grad(): tiny['pose_eval'] = p.cls_head(p.backbone(hm))
    save('tiny.npz', tiny)

    # an mmengine-style checkpoint of the tiny pose model: weights_only=True refuses it unless the extras are stubbed
    hub = MessageHub.get_instance('make_model_fixtures')
    hub.update_scalar('train/loss', 2.5); hub.update_scalar('train/loss', 2.25); hub.update_info('epoch', 3)
    ckpt = {'meta': {'epoch': 3, 'iter': 120, 'seed': np.int64(1234), 'mmengine_version': '0.10.7',
                     'dataset_meta': {'classes': np.arange(10)}, 'experiment_name': 'pose_only_tiny'},
            'state_dict': psd, 'message_hub': hub.state_dict(),
            'optimizer': {'state': {}, 'param_groups': [{'lr': 0.2, 'momentum': 0.9, 'params': [0, 1]}]}}
    torch.save(ckpt, f'{OUT}/tiny_pose_only_mmengine.pth')
    try: torch.load(f'{OUT}/tiny_pose_only_mmengine.pth', weights_only=True); print('WARNING: loads without stubs')
    except Exception as e: print('weights_only=True alone refuses it:', str(e).splitlines()[0][:100])
    print({f: os.path.getsize(f'{OUT}/{f}') for f in sorted(os.listdir(OUT))}, f'{time.time() - t0:.0f}s')


if __name__ == '__main__':
    main()
