"""Fixtures for nbs/07_evaluate.ipynb from mmaction2 1.2.0's metric functions (reference only).

    PYTHONPATH=.refenv:tools .venv/bin/python tools/make_eval_fixtures.py
"""
import os, numpy as np
import mmaction_reference  # noqa: F401  (shims)
from mmaction.evaluation.functional import top_k_accuracy, mean_class_accuracy
from mmaction.evaluation.metrics import AccMetric
import torch

rng = np.random.default_rng(0)
out = {}
for case, (n, c) in enumerate([(50, 10), (200, 60), (7, 5)]):
    rgb, pose = rng.random((n, c)).astype(np.float32), rng.random((n, c)).astype(np.float32)
    rgb = np.exp(4 * rgb) / np.exp(4 * rgb).sum(1, keepdims=True); pose = np.exp(4 * pose) / np.exp(4 * pose).sum(1, keepdims=True)
    labels = rng.integers(0, c, n)
    if case == 2: labels[:] = rng.integers(0, 3, n)   # classes predicted but absent from the ground truth
    m = AccMetric()
    m.results = [dict(pred=dict(rgb=r, pose=p), label=int(l)) for r, p, l in zip(rgb, pose, labels)]
    res = m.compute_metrics(m.results)
    out[f'c{case}_rgb'], out[f'c{case}_pose'], out[f'c{case}_labels'] = rgb.astype(np.float32), pose.astype(np.float32), labels
    out[f'c{case}_names'] = np.array(list(res.keys()))
    out[f'c{case}_values'] = np.array([float(v) for v in res.values()])
    out[f'c{case}_mean1_mm'] = mean_class_accuracy(list(rgb), labels)
os.makedirs('nbs/fixtures/evaluate', exist_ok=True)
np.savez_compressed('nbs/fixtures/evaluate/acc_metric.npz', **out)
print({k: v for k, v in zip(out['c0_names'], out['c0_values'])})
