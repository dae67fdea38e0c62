"""`make docs`: the documentation site, built offline from the notebooks as they are saved, outputs included.

    .venv/bin/python tools/build_docs.py               # nbs/*.ipynb -> _proc/docs/ -> _docs/ (open _docs/index.html)
    .venv/bin/python tools/build_docs.py --nbs DIR     # the notebooks of another folder (copies, say)

Nothing is executed: a page shows what `make notebooks` saved in the notebook. Two steps:

1. Stage (`_proc/docs/`, git-ignored): every notebook of nbs/, nbs/index.ipynb (the README) as the home page, with
   nbdev's directives applied as nbdev's own docs do: cells marked `#| hide` (or `#| include: false`) and cells that
   hold only directives (`#| default_exp`) are left out; `#| echo: false` / `#| hide_input` keep only the output,
   `#| output: false` / `#| hide_output` only the code; `#| hide_line` lines go; the `#|` lines themselves are
   stripped from the code shown (exported code stays on the page: it is what the notebook teaches). Links in
   markdown are mended for the site: to another notebook -> its page; to an image in the repository -> a copy in the
   site; to any other file of the repository -> that file on the code host (settings.ini's git_url).
2. Render: `mkdocs build` with mkdocs.yml (mkdocs-material, mkdocs-jupyter; no fonts or scripts from the network),
   into `_docs/`. Pages come in file order (index first), each titled by its notebook's `# Title`.
"""
import argparse, hashlib, importlib.util, json, os, re, shutil, subprocess, sys, time
from pathlib import Path
from urllib.parse import unquote

from fastcore.basics import AttrDict
from nbdev.config import get_config
from nbdev.process import extract_directives

root = Path(__file__).resolve().parents[1]
_re_directive = re.compile(r'^\s*#\s*\|')
_re_hide_line = re.compile(r'#\s*\|\s*hide_line\s*$')
_re_md_link = re.compile(r'(!?\[[^\]]*\]\()(\s*<?)([^)\s>]+)(>?(?:\s+"[^"]*")?\s*\))')
_re_html_src = re.compile(r'''(<(?:img|a)\b[^>]*?\b(?:src|href)=)(["'])([^"']+)\2''')
_images = {'.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp'}
EXTRA_CSS = '.md-grid { max-width: 1440px; }  /* notebook code lines and figures are wider than prose */\n'


def notebooks(nbs: Path) -> list:
    "index.ipynb first, then every notebook in file order (names starting with `_` or `.` skipped, as nbdev does)"
    nbs_ = sorted(f for f in nbs.glob('*.ipynb') if not f.name.startswith(('_', '.')))
    return sorted(nbs_, key=lambda f: f.name != 'index.ipynb')


def _false(d, key): return str(d.get(key, [''])[0]).strip().lower() == 'false'


def code_cell(cell: dict):
    "The cell as the site shows it (nbdev's directives applied), or None to leave it out"
    src = ''.join(cell['source'])
    d = extract_directives(AttrDict(source=src), remove=False)
    if 'hide' in d or _false(d, 'include:'): return None
    lines = src.splitlines()
    n = 0  # the directives are the cell's leading comment lines that start with `#|`
    while n < len(lines) and (_re_directive.match(lines[n]) or not lines[n].strip()): n += 1
    code = [l for l in lines[n:] if not _re_hide_line.search(l)]
    cell['source'] = '\n'.join(code).strip('\n')
    if 'hide_input' in d or _false(d, 'echo:'): cell.setdefault('metadata', {})['tags'] = ['remove_input']
    if 'hide_output' in d or _false(d, 'output:'): cell['outputs'] = []
    if not cell['source'].strip() and not cell.get('outputs'): return None
    return cell


class Linker:
    "Mends a relative link of a markdown cell for the site (see the module's docstring); records broken ones"
    def __init__(self, nbs: Path, stage: Path, pages: set, git_url: str, branch: str):
        self.nbs, self.stage, self.pages, self.broken = nbs, stage, pages, []
        self.blob = f'{git_url.rstrip("/")}/blob/{branch}/' if git_url else ''

    def __call__(self, target: str, nb_name: str) -> str:
        if re.match(r'^([a-z][a-z0-9+.-]*:|#|/)', target, re.I): return target  # a URL, an anchor, a site path
        path, _, anchor = target.partition('#')
        anchor = f'#{anchor}' if anchor else ''
        # a notebook links relative to its folder; index.ipynb also holds the README, whose links are from the root
        found = next((p.resolve() for p in (self.nbs / unquote(path), root / unquote(path)) if p.exists()), None)
        if found is None:
            self.broken.append(f'{nb_name}: {target}'); return target
        if found.suffix == '.ipynb' and found.name in self.pages: return found.stem + '.html' + anchor
        try: rel = found.relative_to(root)
        except ValueError: rel = Path('_external') / found.name  # a notebook outside the repository (--nbs)
        if found.is_file() and found.suffix.lower() in _images:
            dest = self.stage / 'assets' / rel
            dest.parent.mkdir(parents=True, exist_ok=True); shutil.copy2(found, dest)
            return f'assets/{rel.as_posix()}'
        if self.blob and not str(rel).startswith('_external'): return self.blob + rel.as_posix() + anchor
        self.broken.append(f'{nb_name}: {target}'); return target

    def markdown(self, text: str, nb_name: str) -> str:
        text = _re_md_link.sub(lambda m: m[1] + m[2] + self(m[3], nb_name) + m[4], text)
        return _re_html_src.sub(lambda m: m[1] + m[2] + self(m[3], nb_name) + m[2], text)


def stage(nbs: Path, dest: Path) -> list:
    "Write the site's copies of the notebooks of `nbs` into `dest`; return the links that point nowhere"
    cfg = get_config()
    if dest.exists(): shutil.rmtree(dest)
    dest.mkdir(parents=True)
    files = notebooks(nbs)
    if not files: sys.exit(f'no notebooks in {nbs}')
    if files[0].name != 'index.ipynb': sys.exit(f'{nbs} has no index.ipynb: the site needs it as its home page')
    link = Linker(nbs, dest, {f.name for f in files}, cfg.get('git_url', ''), cfg.get('branch', 'main'))
    for f in files:
        nb = json.loads(f.read_text(encoding='utf-8'))
        cells = []
        for c in nb['cells']:
            if c['cell_type'] == 'code': c = code_cell(c)
            elif c['cell_type'] == 'markdown':
                src = ''.join(c['source']).strip()
                if src.startswith('#') and src.endswith(' -'): c = None  # nbdev: a heading ending in ' -' is hidden
                else: c['source'] = link.markdown(''.join(c['source']), f.name)
            if c is not None: cells.append(c)
        nb['cells'] = cells
        (dest / f.name).write_text(json.dumps(nb, indent=1, ensure_ascii=False), encoding='utf-8')
    (dest / 'assets/stylesheets').mkdir(parents=True, exist_ok=True)
    (dest / 'assets/stylesheets/extra.css').write_text(EXTRA_CSS)
    return link.broken


def add_mathjax(site: Path):
    "MathJax for the pages' TeX, from the jupyter-server-mathjax package (mkdocs.yml's custom_mathjax_url points here)"
    try: import jupyter_server_mathjax
    except ImportError: sys.exit('jupyter-server-mathjax is missing (a dev requirement): pip install -e ".[dev]"')
    dest = site / 'assets' / 'mathjax'
    shutil.copytree(Path(jupyter_server_mathjax.__file__).parent / 'static', dest,
                    dirs_exist_ok=True, ignore=shutil.ignore_patterns('*.mp3', '*.ogg'))
    # the package ships only the STIX-Web fonts (as Jupyter's own pages use them): say so, or MathJax asks for TeX's
    (dest / 'config/local').mkdir(parents=True, exist_ok=True)
    (dest / 'config/local/rgbpose.js').write_text(
        'MathJax.Hub.Config({"HTML-CSS": {availableFonts: [], preferredFont: null, webFont: "STIX-Web"}});\n'
        'MathJax.Ajax.loadComplete("[MathJax]/config/local/rgbpose.js");\n')


def share_styles(site: Path, min_size=20_000) -> int:
    "Move the large <style> blocks that nbconvert repeats in every page into one stylesheet each; return bytes saved"
    pages = {f: f.read_text(encoding='utf-8') for f in site.glob('*.html')}
    blocks = {}
    for text in pages.values():
        for b in set(re.findall(r'<style type="text/css">.*?</style>', text, re.S)):
            if len(b) >= min_size: blocks[b] = blocks.get(b, 0) + 1
    saved = 0
    for b, n in blocks.items():
        if n < 2: continue
        css = f'assets/stylesheets/notebook-{hashlib.sha1(b.encode()).hexdigest()[:10]}.css'
        (site / css).parent.mkdir(parents=True, exist_ok=True)
        (site / css).write_text(b[len('<style type="text/css">'):-len('</style>')], encoding='utf-8')
        for f, text in pages.items():
            if b in text: pages[f] = text.replace(b, f'<link rel="stylesheet" href="{css}">'); saved += len(b)
        saved -= len(b)
    for f, text in pages.items(): f.write_text(text, encoding='utf-8')
    return saved


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--nbs', type=Path, default=None, help="the notebooks' folder (default: settings.ini's nbs_path)")
    p.add_argument('--site', type=Path, default=root / '_docs', help='where the site goes (default _docs/)')
    a = p.parse_args()
    nbs = (a.nbs or get_config().nbs_path).resolve()
    for mod in ('mkdocs', 'material', 'mkdocs_jupyter', 'jupyter_server_mathjax'):
        if importlib.util.find_spec(mod) is None:
            sys.exit(f'{mod} is missing: the docs need the dev requirements (pip install -e ".[dev]")')
    start = time.time()
    broken = stage(nbs, root / '_proc' / 'docs')
    for b in broken: print(f'WARNING: a link to nothing: {b}')
    n_out = sum(bool(c.get('outputs')) for f in (root / '_proc/docs').glob('*.ipynb')
                for c in json.loads(f.read_text())['cells'])
    print(f'staged {len(notebooks(nbs))} notebooks from {nbs} ({n_out} cells with outputs) in {time.time() - start:.1f} s')
    if n_out == 0: print('WARNING: no notebook holds outputs: run `make notebooks` first for a site with figures')
    site = a.site.resolve()
    r = subprocess.run([sys.executable, '-m', 'mkdocs', 'build', '--strict', '--quiet', '-f', str(root / 'mkdocs.yml'),
                        '-d', str(site)], cwd=root, env={**os.environ, 'NO_MKDOCS_2_WARNING': 'true'})
    if r.returncode: sys.exit(f'mkdocs build failed (exit {r.returncode})')
    add_mathjax(site)
    saved = share_styles(site)
    mb = sum(f.stat().st_size for f in site.rglob('*') if f.is_file()) / 2**20
    print(f'site: {site}/index.html ({len(list(site.glob("*.html")))} pages, {mb:.1f} MB; '
          f'{saved / 2**20:.1f} MB of repeated styles shared) in {time.time() - start:.0f} s')


if __name__ == '__main__': main()
