"""Fixtures for rgbpose.data: an annotation pickle as mmengine writes it, and what mmaction2 reads from ours.

    PYTHONPATH=.refenv:tools:. .venv/bin/python tools/make_annotation_fixtures.py

Writes to nbs/fixtures/data/:
* `mmengine_dump.pkl`: a small NTU60-format annotation object (float16 arrays, as pyskl's extraction writes them) saved
  with `mmengine.dump`, the function mmaction2/pyskl use for their pickles (pickle protocol 2);
* `mmaction_posedataset.json`: for a pickle written by `rgbpose.data.save_annotations`, the records mmaction2 1.2.0's
  `PoseDataset` yields for each split (frame_dir, label, total_frames, keypoint shape): proof that what we write, the
  reference reads.
"""
import json, tempfile
from pathlib import Path
import numpy as np
import mmaction_reference  # noqa: F401  (numpy-2 shims, registers mmaction modules)
import mmengine
from mmaction.datasets import PoseDataset
from rgbpose.data import fake_annotations, save_annotations

out = Path(__file__).resolve().parents[1]/'nbs/fixtures/data'
names = ['S001C001P001R001A001', 'S001C002P003R001A002', 'S002C003P008R002A050', 'S017C001P040R002A060']
ann = fake_annotations(names, frames=[6, 7, 8, 9], img_shape=(1080, 1920))
for r in ann['annotations']: r['keypoint'], r['keypoint_score'] = r['keypoint'].astype(np.float16), r['keypoint_score'].astype(np.float16)
mmengine.dump(ann, str(out/'mmengine_dump.pkl'))
print('wrote', out/'mmengine_dump.pkl', (out/'mmengine_dump.pkl').stat().st_size, 'bytes')

res = {}
with tempfile.TemporaryDirectory() as d:
    p = save_annotations(ann, Path(d)/'ntu60_2d.pkl')
    for split in ann['split']:
        ds = PoseDataset(str(p), pipeline=[], split=split, test_mode=True)
        res[split] = [dict(frame_dir=x['frame_dir'], label=int(x['label']), total_frames=int(x['total_frames']),
                           keypoint=list(x['keypoint'].shape), dtype=str(x['keypoint'].dtype)) for x in (ds.get_data_info(i) for i in range(len(ds)))]
(out/'mmaction_posedataset.json').write_text(json.dumps(res, indent=1))
print({k: [x['frame_dir'] for x in v] for k, v in res.items()})
