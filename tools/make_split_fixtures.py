"""Fixture for rgbpose.data.ntu_splits: the NTU60/NTU120 train/val lists computed by mmaction2's own split code.

    PYTHONPATH=.refenv:tools .venv/bin/python tools/make_split_fixtures.py

Runs `get_names_and_labels` of mmaction2 1.2.0's `tools/data/skeleton/gen_ntu_rgbd_raw.py` (the script that made the
released pickles' splits) over names covering every setup, camera and performer of each data set, and writes
nbs/fixtures/data/ntu_splits.json = {dataset: {'names': [...], 'split': {'xsub_train': [...], ...}}}.
"""
import importlib.util, json, sys, tempfile
from pathlib import Path

ref = Path(__file__).resolve().parents[1]/'.refenv/mmaction/.mim/tools/data/skeleton/gen_ntu_rgbd_raw.py'
spec = importlib.util.spec_from_file_location('gen_ntu_rgbd_raw', ref)
gen = importlib.util.module_from_spec(spec); spec.loader.exec_module(gen)

RANGES = {'ntu60': dict(S=17, C=3, P=40, R=2, A=60), 'ntu120': dict(S=32, C=3, P=106, R=2, A=120)}
out = {}
for task, r in RANGES.items():
    n = max(r.values()) * 3  # every value of every field occurs at least 3 times, in varying combinations
    names = sorted({f"S{i % r['S'] + 1:03d}C{(i // 7) % r['C'] + 1:03d}P{(i * 3) % r['P'] + 1:03d}"
                    f"R{(i // 3) % r['R'] + 1:03d}A{(i * 7) % r['A'] + 1:03d}" for i in range(n)})
    with tempfile.TemporaryDirectory() as d:
        for nm in names: (Path(d)/f'{nm}.skeleton').touch()
        split = {}
        for bench in (['xsub', 'xview'] if task == 'ntu60' else ['xsub', 'xset']):
            tr, _, va, _ = gen.get_names_and_labels(d, task, bench)
            split[f'{bench}_train'] = sorted(s[:-len('.skeleton')] for s in tr)
            split[f'{bench}_val'] = sorted(s[:-len('.skeleton')] for s in va)
    for k in 'SCPA':
        assert len({nm[nm.index(k) + 1:nm.index(k) + 4] for nm in names}) == r[k], (task, k)
    out[task] = {'names': names, 'split': split}
    print(task, len(names), {k: len(v) for k, v in split.items()})

dst = Path(__file__).resolve().parents[1]/'nbs/fixtures/data/ntu_splits.json'
dst.write_text(json.dumps(out, indent=0))
print('wrote', dst, dst.stat().st_size, 'bytes')
