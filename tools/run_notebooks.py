"""`make notebooks`: run notebooks top to bottom in a real Jupyter kernel, as JupyterLab's Run All does, and save
their outputs into them.

    .venv/bin/python tools/run_notebooks.py                      # every nbs/*.ipynb, in place
    .venv/bin/python tools/run_notebooks.py nbs/06_models.ipynb  # only those named
    .venv/bin/python tools/run_notebooks.py --out /tmp/run nbs/14_merge.ipynb   # write the results elsewhere

Each notebook runs in a fresh `python3` kernel (nbclient, the engine of `jupyter nbconvert --execute`) with the
notebook's own folder as the working directory, every code cell included: cells flagged `#| slow` or `#| gpu` run too,
as they do in Run All, so long work must sit behind a switch at the top of the notebook. Figures come out inline as
PNG (matplotlib's inline backend, `--dpi` dots per inch). A notebook that raises, or that runs past `--timeout`
seconds, fails: it is left as it was and the command exits 1 after trying the others. A notebook that runs is
cleaned as `nbdev_clean` cleans it (settings.ini: clear_all = False, so outputs stay and execution counts go),
written to a temporary file and renamed over the old one, unless someone saved the notebook during the run (then
their version stays, and the run fails).

Checks after each run: what `nbdev_export` makes of the notebook is the same before and after (outputs must not
change the library), and sizes: a warning when one notebook passes `--warn-nb-mb` or all of nbs/ passes
`--warn-total-mb` (default 20 MB).
"""
import argparse, json, os, re, sys, tempfile, time, warnings
from datetime import datetime
from contextlib import redirect_stderr, redirect_stdout
from io import StringIO
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbdev.clean import clean_nb
from nbdev.config import get_config
from nbdev.export import nb_export
from execnb.nbio import nb2str

INLINE = 'module://matplotlib_inline.backend_inline'


def _time(s: str) -> datetime: return datetime.fromisoformat(s.replace('Z', '+00:00'))


def default_notebooks(cfg):
    "Every notebook of nbs/ in file order (names starting with `_` or `.` skipped, as nbdev does)"
    return sorted(f for f in cfg.nbs_path.glob('*.ipynb') if not f.name.startswith(('_', '.')))


def execute(nb, path: Path, timeout: float, dpi: int, kernel: str):
    "Run notebook `nb` (read from `path`) in a fresh kernel with cwd = its folder, filling in its outputs"
    deadline = time.time() + timeout
    client = NotebookClient(
        nb, kernel_name=kernel, allow_errors=False, record_timing=True,
        timeout_func=lambda cell: max(1, deadline - time.time()),  # each cell gets what is left of `timeout`
        resources={'metadata': {'path': str(path.parent)}},
        # what JupyterLab gives a new kernel, pinned: PNG figures at `dpi`, whatever ipython_config the machine has;
        # the kernel's own log only for errors (not its warning about TCP on localhost)
        extra_arguments=["--InlineBackend.figure_formats={'png'}", f"--InlineBackend.rc={{'figure.dpi': {dpi}}}",
                         '--IPKernelApp.log_level=ERROR'])
    # the kernel process's own stderr (its log, a crash) goes to a file, shown when the kernel dies
    with tempfile.TemporaryFile('w+') as log:
        try: client.execute(stderr=log)
        except DeadKernelError as e:
            log.seek(0); tail = log.read().strip().splitlines()[-20:]
            raise DeadKernelError(f'the kernel died (out of memory? a crash?){": " if tail else ""}' + '\n'.join(tail)) from e


def cell_seconds(nb) -> list:
    "[(cell index, seconds)] of the code cells that ran, slowest first (from nbclient's timing metadata)"
    secs = []
    for i, c in enumerate(nb.cells):
        t = c.get('metadata', {}).get('execution', {})
        if c.cell_type == 'code' and 'iopub.execute_input' in t and 'shell.execute_reply' in t:
            secs.append((i, (_time(t['shell.execute_reply']) - _time(t['iopub.execute_input'])).total_seconds()))
    return sorted(secs, key=lambda x: -x[1])


def slowest(nb, n=3) -> str: return ', '.join(f'cell {i}: {s:.1f} s' for i, s in cell_seconds(nb)[:n]) or 'no code'


def clean_text(nb, cfg) -> str:
    "The notebook as `nbdev_clean` writes it (outputs kept: settings.ini's clear_all = False)"
    d = json.loads(nbformat.writes(nb))
    clean_nb(d, cfg.clear_all, cfg.get('allowed_metadata_keys', '').split(),
             cfg.get('allowed_cell_metadata_keys', '').split(), cfg.clean_ids)
    return nb2str(d)


def exported(nb_text: str, name: str, tmp: Path) -> dict:
    "{module path: text} that nbdev_export makes of a notebook whose text is `nb_text` (named `name`)"
    nbs, lib = tmp / 'nbs', tmp / 'lib'
    nbs.mkdir(parents=True), lib.mkdir()
    (nbs / name).write_text(nb_text, encoding='utf-8')
    with redirect_stdout(StringIO()), redirect_stderr(StringIO()), warnings.catch_warnings():
        warnings.simplefilter('ignore')
        nb_export(nbs / name, lib_path=lib)
    return {str(p.relative_to(lib)): p.read_text() for p in sorted(lib.rglob('*.py'))}


def write_atomic(path: Path, text: str):
    "Write `text` to a temporary file beside `path` (a name no notebook glob matches), then rename it over `path`"
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f'.{path.stem}.', suffix='.running')
    try:
        with os.fdopen(fd, 'w', encoding='utf-8') as f: f.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True); raise


def dir_mb(p: Path) -> float: return sum(f.stat().st_size for f in p.rglob('*') if f.is_file()) / 2**20


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('notebooks', nargs='*', type=Path, help='notebooks to run (default: every nbs/*.ipynb)')
    p.add_argument('--timeout', type=float, default=float(os.environ.get('NB_TIMEOUT', 300)),
                   help='seconds one notebook may take, all cells together (default 300, or $NB_TIMEOUT)')
    p.add_argument('--out', type=Path, help='write the run notebooks into this folder instead of over the originals '
                   '(they still run with their own folder as the working directory)')
    p.add_argument('--dpi', type=int, default=100, help='dots per inch of inline figures (default 100)')
    p.add_argument('--kernel', default='python3', help='Jupyter kernel (default python3: this Python)')
    p.add_argument('--warn-nb-mb', type=float, default=2.0, help='warn when one notebook is larger (default 2 MB)')
    p.add_argument('--warn-total-mb', type=float, default=20.0, help='warn when nbs/ is larger (default 20 MB)')
    a = p.parse_args()
    cfg = get_config()
    files = [f.resolve() for f in a.notebooks] or default_notebooks(cfg)
    if missing := [str(f) for f in files if not f.is_file()]: sys.exit(f'no such notebook: {", ".join(missing)}')
    if a.out: a.out.mkdir(parents=True, exist_ok=True)
    os.environ['MPLBACKEND'] = INLINE  # an inherited MPLBACKEND=Agg would keep figures out of the notebook
    os.environ.setdefault('PYDEVD_DISABLE_FILE_VALIDATION', '1')  # silences a debugger warning in every output
    print(f'running {len(files)} notebook(s), at most {a.timeout:.0f} s each, kernel {a.kernel}, figures PNG at {a.dpi} dpi')
    failed, start = [], time.time()
    for f in files:
        dest = (a.out / f.name) if a.out else f
        t0 = time.time()
        old = f.read_text(encoding='utf-8')  # the version that runs; compared with the file again before writing
        nb = nbformat.reads(old, as_version=4)
        try: execute(nb, f, a.timeout, a.dpi, a.kernel)
        except (TimeoutError, CellTimeoutError):
            running = next((i for i, c in enumerate(nb.cells) if c.get('metadata', {}).get('execution', {}).get(
                'iopub.execute_input') and not c.metadata.execution.get('shell.execute_reply')), '?')
            failed.append(f.name)
            print(f'FAIL  {time.time() - t0:6.1f} s  {f.name}: ran past {a.timeout:.0f} s in cell {running} (slowest '
                  f'before it: {slowest(nb)}); put long work behind a switch at the top of the notebook', flush=True)
            continue
        except CellExecutionError as e:
            failed.append(f.name); msg = re.sub(r'\x1b\[[0-9;]*m', '', str(e)).strip().splitlines()
            print(f'FAIL  {time.time() - t0:6.1f} s  {f.name}: a cell raised; the notebook is left as it was', flush=True)
            print('      ' + '\n      '.join(msg[-25:]), flush=True); continue
        except Exception as e:
            failed.append(f.name); print(f'FAIL  {time.time() - t0:6.1f} s  {f.name}: {type(e).__name__}: {e}', flush=True); continue
        took = time.time() - t0
        if dest == f and f.read_text(encoding='utf-8') != old:  # someone saved it meanwhile: keep their version
            failed.append(f.name)
            print(f'FAIL  {took:6.1f} s  {f.name}: the notebook changed on disk during the run; not written (run it again)',
                  flush=True)
            continue
        new = clean_text(nb, cfg)
        with tempfile.TemporaryDirectory() as tmp:
            same = exported(old, f.name, Path(tmp) / 'before') == exported(new, f.name, Path(tmp) / 'after')
        if not same:
            failed.append(f.name)
            print(f'FAIL  {took:6.1f} s  {f.name}: nbdev_export makes a different module after the run; not written', flush=True)
            continue
        write_atomic(dest, new)
        mb = dest.stat().st_size / 2**20
        print(f'PASS  {took:6.1f} s  {f.name}  {mb:5.2f} MB  (slowest: {slowest(nb)})', flush=True)
        if mb > a.warn_nb_mb: print(f'WARNING: {dest} is {mb:.1f} MB (> {a.warn_nb_mb:g} MB): lower figure dpi or '
                                    'print less', flush=True)
    total = dir_mb(cfg.nbs_path)
    print(f'nbs/ holds {total:.1f} MB')
    if total > a.warn_total_mb: print(f'WARNING: nbs/ is {total:.1f} MB, over {a.warn_total_mb:g} MB: keep figures at '
                                      'modest dpi and outputs short')
    print(f'notebooks: {len(files)} in {time.time() - start:.0f} s')
    print(f'{len(files) - len(failed)} passed, {len(failed)} failed')
    sys.exit(1 if failed else 0)


if __name__ == '__main__': main()
