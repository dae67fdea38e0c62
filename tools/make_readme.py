"""README.md is nbs/index.ipynb's markdown (nbdev_readme needs Quarto, which we do not require).

    .venv/bin/python tools/make_readme.py          # rewrite README.md
    .venv/bin/python tools/make_readme.py --check  # exit 1 if README.md differs from the notebook
"""
import json, sys
from pathlib import Path

root = Path(__file__).resolve().parents[1]
nb = json.loads((root / 'nbs/index.ipynb').read_text())
text = '\n\n'.join(''.join(c['source']).strip() for c in nb['cells'] if c['cell_type'] == 'markdown') + '\n'
text = '<!-- generated from nbs/index.ipynb by tools/make_readme.py: edit the notebook -->\n\n' + text
readme = root / 'README.md'
if '--check' in sys.argv:
    if not readme.exists() or readme.read_text() != text: sys.exit('README.md is not nbs/index.ipynb: run tools/make_readme.py')
else: readme.write_text(text)
