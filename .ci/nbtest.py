"""The test command: `nbdev_test` over every notebook, skipping cells flagged in settings.ini's `tst_flags`
(slow, gpu) unless asked for with --flags, then one line per notebook and a closing `N passed, M failed` line
counting notebooks. Same engine as `nbdev_test` (nbdev.test.test_nb), with a summary CI can read."""
import argparse, os, sys, time
from pathlib import Path
from fastcore.parallel import parallel
from nbdev.config import get_config
from nbdev.test import test_nb

def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument('paths', nargs='*', help='notebooks to test (default: every nbs/*.ipynb)')
    p.add_argument('--flags', default='', help='space-separated flags to run, e.g. "slow"')
    p.add_argument('--n_workers', type=int, default=min(os.cpu_count() or 1, 2))
    a = p.parse_args()
    cfg = get_config()
    files = [Path(f).absolute() for f in a.paths] or sorted(
        f.absolute() for f in cfg.nbs_path.glob('*.ipynb') if not f.name.startswith(('_', '.')))
    os.environ.setdefault('MPLBACKEND', 'Agg')
    if 'slow' in a.flags.split(): os.environ['RGBPOSE_RUN_SLOW'] = '1'  # notebooks' long checks, off in JupyterLab's Run All
    start = time.time()
    with_cwd = os.getcwd(); os.chdir(cfg.nbs_path)
    try:
        res = parallel(test_nb, files, skip_flags=cfg.tst_flags.split(), force_flags=a.flags.split(),
                       n_workers=a.n_workers, basepath=cfg.config_path, pause=0.01, do_print=False)
    finally: os.chdir(with_cwd)
    for f, (ok, t) in zip(files, res): print(f'{"PASS" if ok else "FAIL"}  {t:6.1f} s  {f.name}')
    npass = sum(ok for ok, _ in res)
    print(f'notebooks: {len(files)} in {time.time() - start:.0f} s')
    print(f'{npass} passed, {len(files) - npass} failed')
    sys.exit(0 if npass == len(files) else 1)

if __name__ == '__main__': main()
