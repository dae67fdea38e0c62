"""Developer convenience: turn a jupytext percent-format script into a clean notebook of nbs/.

    .venv/bin/python tools/py2nb.py /tmp/03_transforms.py nbs/04_transforms.ipynb

The notebook is the source of truth once written; this only saves typing JSON. Needs `pip install jupytext`.
Rewriting an existing notebook keeps its cell ids (cell by cell, where the cell types still line up), so a diff shows
only the cells that changed.
"""
import os, sys, subprocess, jupytext, nbformat

src, dst = sys.argv[1], sys.argv[2]
nb = jupytext.read(src, fmt='py:percent')
nb.metadata = {'kernelspec': {'display_name': 'python3', 'language': 'python', 'name': 'python3'}}
for c in nb.cells: c.metadata = {}
if os.path.exists(dst):
    old = nbformat.read(dst, as_version=4).cells
    for c, o in zip(nb.cells, old):
        if c.cell_type == o.cell_type and 'id' in o: c.id = o.id
nbformat.write(nb, dst)
subprocess.run([sys.executable, '-m', 'nbdev.clean', '--fname', dst], check=False,
               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
