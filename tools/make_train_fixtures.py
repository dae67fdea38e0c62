"""Fixtures for nbs/12_train.ipynb: checkpoint compatibility with mmengine (mmaction2's training engine).

    PYTHONPATH=.refenv:tools:. .venv/bin/python tools/make_train_fixtures.py

1. A real mmengine `Runner` trains a tiny model (the keys of rgbpose.devtools.ToyNet: conv.*, fc.*) for one epoch with
   SGD and a per-iteration cosine schedule, and its CheckpointHook writes epoch_1.pth: that file (meta, state_dict,
   message_hub with mmengine HistoryBuffers, optimizer, param_schedulers) becomes
   nbs/fixtures/train/mmengine_epoch_1.pth, with the model's logits on a fixed input in mmengine_logits.pt.
2. A checkpoint written by rgbpose's trainer is loaded by mmengine's `load_checkpoint` into the mmengine model
   (strict), and both models must give the same logits: printed, not stored (the notebook cannot import mmengine).
"""
import sys, tempfile
from pathlib import Path
import mmaction_reference  # noqa: F401  (numpy 2 shims)
import torch, torch.nn as nn, torch.nn.functional as F
from mmengine.model import BaseModel
from mmengine.runner import Runner, load_checkpoint as mm_load_checkpoint
from torch.utils.data import Dataset

OUT = Path(__file__).resolve().parent.parent / 'nbs' / 'fixtures' / 'train'

class MMToy(BaseModel):  # ToyNet's layers and names
    def __init__(self, hidden=16, num_classes=60):
        super().__init__()
        self.conv, self.fc = nn.Conv3d(3, hidden, 1), nn.Linear(hidden * 16, num_classes)
    def logits(self, imgs): return self.fc(F.relu(self.conv(imgs.flatten(0, 1))).mean(2).flatten(1))
    def forward(self, inputs, data_samples=None, mode='tensor'):
        x = self.logits(torch.stack(inputs) if isinstance(inputs, list) else inputs)
        if mode == 'loss': return {'loss_cls': F.cross_entropy(x, torch.stack(data_samples) if isinstance(data_samples, list) else data_samples)}
        return x

class ToyData(Dataset):
    def __len__(self): return 8
    def __getitem__(self, i):
        g = torch.Generator().manual_seed(i)
        return dict(inputs=torch.randn(1, 3, 2, 4, 4, generator=g), data_samples=torch.tensor(i % 5))

def main():
    OUT.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(0)
    with tempfile.TemporaryDirectory() as wd:
        runner = Runner(model=MMToy(), work_dir=wd,
                        train_dataloader=dict(dataset=ToyData(), sampler=dict(type='DefaultSampler', shuffle=True), batch_size=4,
                                              collate_fn=dict(type='default_collate')),
                        train_cfg=dict(by_epoch=True, max_epochs=1),
                        optim_wrapper=dict(optimizer=dict(type='SGD', lr=0.1, momentum=0.9, weight_decay=1e-4),
                                           clip_grad=dict(max_norm=40, norm_type=2)),
                        param_scheduler=[dict(type='CosineAnnealingLR', eta_min=0, T_max=1, by_epoch=True, convert_to_iter_based=True)],
                        default_hooks=dict(checkpoint=dict(type='CheckpointHook', interval=1)), randomness=dict(seed=0))
        runner.train()
        ckpt = Path(wd) / 'epoch_1.pth'
        dst = OUT / 'mmengine_epoch_1.pth'
        dst.write_bytes(ckpt.read_bytes())
        x = torch.randn(2, 1, 3, 2, 4, 4, generator=torch.Generator().manual_seed(123))
        runner.model.eval()
        torch.save({'input': x, 'logits': runner.model.logits(x).detach()}, OUT / 'mmengine_logits.pt')
        print(f'{dst} ({dst.stat().st_size} bytes), keys {sorted(torch.load(dst, weights_only=False))}')

    # 2. mmengine loads a checkpoint written by rgbpose's trainer
    from rgbpose.config import get_config
    from rgbpose.dataset import PoseDataset
    from rgbpose.train import Trainer
    from rgbpose.devtools import ToyNet, toy_loss
    from rgbpose.data import fake_annotations, save_annotations
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    with tempfile.TemporaryDirectory() as wd:
        wd = Path(wd)
        names = [f'S001C001P001R001A{a:03d}' for a in range(1, 9)]
        ann = save_annotations(fake_annotations(names, frames=10), wd / 'ann.pkl')
        def pipe(r):
            g = torch.Generator().manual_seed(r['label'])
            return {'imgs': torch.randn(1, 3, 2, 4, 4, generator=g), 'label': r['label']}
        cfg = get_config('rgb_only', ['seed=0', 'sched.epochs=1', 'data.batch_size=4', 'data.num_workers=0', 'data.repeat=1',
                                      'progress=false', 'tensorboard=false', 'val_interval=0'])
        ours = ToyNet()
        path = Trainer(cfg, wd / 'run', ours, PoseDataset(ann, None, pipe), loss_fn=toy_loss).fit()
        mm = MMToy()
        mm_load_checkpoint(mm, str(path), strict=True)
        x = torch.randn(2, 1, 3, 2, 4, 4)
        ours.eval(); mm.eval()
        assert torch.equal(ours(x), mm.logits(x)), 'mmengine loaded different weights'
        print(f'mmengine.runner.load_checkpoint read {path.name} written by rgbpose (strict, weights_only): same logits')

if __name__ == '__main__': main()
