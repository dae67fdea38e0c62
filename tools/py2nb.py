"""Developer convenience: turn a jupytext percent-format script into a clean notebook of nbs/.

    .venv/bin/python tools/py2nb.py /tmp/03_transforms.py nbs/03_transforms.ipynb

The notebook is the source of truth once written; this only saves typing JSON. Needs `pip install jupytext`.
"""
import sys, subprocess, jupytext, nbformat

src, dst = sys.argv[1], sys.argv[2]
nb = jupytext.read(src, fmt='py:percent')
nb.metadata = {'kernelspec': {'display_name': 'python3', 'language': 'python', 'name': 'python3'}}
for c in nb.cells: c.metadata = {}
nbformat.write(nb, dst)
subprocess.run([sys.executable, '-m', 'nbdev.clean', '--fname', dst], check=False,
               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
