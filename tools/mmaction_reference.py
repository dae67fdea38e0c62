"""Import mmaction2 1.2.0 as a *reference* (never a dependency of rgbpose) to make the small fixtures the tests commit.

Install it beside the project's venv, offline-friendly and without touching the venv:

    .venv/bin/pip install --target .refenv --no-deps mmaction2==1.2.0 mmengine==0.10.7 mmcv-lite==2.1.0 \
        einops opencv-python-headless scipy addict yapf rich termcolor markdown-it-py mdurl platformdirs \
        importlib_metadata==8.7.0

then run fixture scripts as `PYTHONPATH=.refenv:tools .venv/bin/python tools/make_..._fixtures.py`.
Two shims make 1.2.0 import under numpy 2 and without its missing `models/localizers/drn` package.
"""
import sys, types
import numpy as np

if not hasattr(np, 'Inf'): np.Inf = np.inf  # removed in numpy 2, still used by PoseCompact/MMCompact

def _stub(name, **attrs):
    m = types.ModuleType(name); m.__dict__.update(attrs); sys.modules[name] = m; return m

# mmaction2 1.2.0's wheel lacks models/localizers/drn but localizers/__init__ imports it
_stub('mmaction.models.localizers.drn', __path__=[])
_stub('mmaction.models.localizers.drn.drn', DRN=None)

import mmaction  # noqa: E402
from mmaction.utils import register_all_modules  # noqa: E402
register_all_modules(init_default_scope=True)
