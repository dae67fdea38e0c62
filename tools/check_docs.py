"""`make check-docs`: open the built site (`make docs`) in a real headless browser and check that pages render with
their images.

    .venv/bin/python tools/check_docs.py                    # _docs/: the home page and the model page
    .venv/bin/python tools/check_docs.py --pages index.html 14_merge.html --shots /tmp/shots

The site is served on 127.0.0.1 (a thread of this script) and opened in Debian's `chromium` (`--headless
--dump-dom`). Each page served gets a small script that, once the page has loaded, writes a report into the DOM:
every <img> and whether the browser decoded it (complete, natural size > 0), every resource fetched from outside the
site, every script error and failed load. A page passes when it is served, has a title and an <h1>, shows at least
`--min-images` images and all of them decoded, fetched nothing from the network and raised no error; the server also
fails the check on any request it could not answer (404). Each embedded PNG/JPEG is also decoded here with Pillow.
Screenshots of each page (its top, and its first notebook figure) go to `--shots` to look at.

Chromium comes from Debian: `apt-get update && apt-get install -y chromium`. Without it the check fails, unless the
environment says DOCS_CHECK_ALLOW_NO_BROWSER=1: then it says so and skips (exit 0).
"""
import argparse, base64, functools, io, json, os, re, shutil, subprocess, sys, tempfile, threading, time
from html import unescape
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

root = Path(__file__).resolve().parents[1]
FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--hide-scrollbars',
         '--disable-background-networking', '--disable-component-update', '--disable-sync', '--mute-audio',
         '--disable-dev-shm-usage', '--virtual-time-budget=5000']
REPORT_ID = 'docs-check-report'
PROBE = """<script>(function () {
  const errors = [];
  window.addEventListener('error', e => {
    const t = e.target, url = t && t !== window && (t.src || t.href);
    errors.push(url ? 'could not load ' + url : 'script error: ' + e.message);
  }, true);
  window.addEventListener('unhandledrejection', e => errors.push('unhandled rejection: ' + e.reason));
  window.addEventListener('load', () => setTimeout(() => {
    const imgs = [...document.images].map(i => ({
      src: i.currentSrc.slice(0, 60), ok: i.complete && i.naturalWidth > 0, width: i.naturalWidth,
      height: i.naturalHeight, notebook: !!i.closest('.jupyter-wrapper')}));
    const external = performance.getEntriesByType('resource').map(r => r.name)
      .filter(n => !n.startsWith(location.origin) && !n.startsWith('data:'));
    const report = document.createElement('pre');
    report.id = '%s'; report.hidden = true;
    report.textContent = JSON.stringify({imgs, external, errors, title: document.title,
      h1: [...document.querySelectorAll('h1')].map(h => h.textContent.trim())});
    document.body.appendChild(report);
    // ?shot=figure: bring the first figure to the top of the page by hiding what precedes it, at each level up to
    // the article (a headless screenshot does not follow scrolling)
    const img = new URLSearchParams(location.search).get('shot') === 'figure' && document.querySelector('article img');
    for (let el = img; el && !el.matches('article'); el = el.parentElement)
      for (let s = el.parentElement.firstElementChild; s && s !== el; s = s.nextElementSibling) s.style.display = 'none';
  }, 1000));
})();</script>""" % REPORT_ID


class Handler(SimpleHTTPRequestHandler):
    "Serves the site, adds PROBE to every HTML page, and records what it could not serve"
    missing = []

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir(): path = path / 'index.html'
        if path.suffix == '.html' and path.is_file():
            body = path.read_bytes().replace(b'<head>', b'<head>' + PROBE.encode(), 1)
            self.send_response(200)
            self.send_header('Content-Type', 'text/html; charset=utf-8')
            self.send_header('Content-Length', str(len(body)))
            self.end_headers(); self.wfile.write(body); return
        super().do_GET()

    def send_error(self, code, message=None, explain=None):
        Handler.missing.append(f'{code} {self.path}')
        super().send_error(code, message, explain)

    def log_message(self, *args): pass


def find_chromium():
    return next((p for p in (os.environ.get('CHROMIUM'), 'chromium', 'chromium-browser', 'google-chrome')
                 if p and shutil.which(p)), None)


def chromium(browser, args, timeout=120):
    with tempfile.TemporaryDirectory(prefix='chromium-profile-') as profile:
        r = subprocess.run([browser, *FLAGS, f'--user-data-dir={profile}', *args],
                           capture_output=True, text=True, timeout=timeout)
    return r


def decode_images(html: str) -> list:
    "Decode every embedded PNG/JPEG of `html` with Pillow; return the problems"
    from PIL import Image
    bad = []
    for i, (fmt, data) in enumerate(re.findall(r'src="data:image/(png|jpeg);base64,([^"]+)"', html)):
        try:
            with Image.open(io.BytesIO(base64.b64decode(unescape(data)))) as im: im.verify()
        except Exception as e: bad.append(f'embedded image {i} ({fmt}) does not decode: {e}')
    return bad


def check_page(browser, base: str, page: str, shots: Path, min_images: int) -> list:
    "Open `page` in chromium; return its problems (empty when it passes)"
    Handler.missing.clear()
    r = chromium(browser, ['--dump-dom', f'{base}/{page}'])
    m = re.search(rf'<pre id="{REPORT_ID}" hidden="">(.*?)</pre>', r.stdout, re.S)
    if not m:
        return [f'no report from the page (did it load?); chromium exit {r.returncode}: {r.stderr.strip()[-500:]}']
    rep = json.loads(unescape(m[1]))
    problems = [f'server: {x}' for x in Handler.missing]
    problems += [f'fetched from outside the site: {u}' for u in rep['external']]
    problems += rep['errors']
    if not rep['title']: problems.append('no <title>')
    if not rep['h1']: problems.append('no <h1>')
    imgs = rep['imgs']
    problems += [f'image not decoded by the browser: {i["src"]}...' for i in imgs if not i['ok']]
    if len(imgs) < min_images: problems.append(f'{len(imgs)} images, expected at least {min_images}')
    problems += decode_images(r.stdout)
    for name, query in (('top', ''), ('figure', '?shot=figure')):
        shot = shots / f'{Path(page).stem}-{name}.png'
        s = chromium(browser, ['--window-size=1280,1000', f'--screenshot={shot}', f'{base}/{page}{query}'])
        if not shot.exists(): problems.append(f'no screenshot {shot}: {s.stderr.strip()[-300:]}')
    ok, title = sum(i['ok'] for i in imgs), rep['h1'][0].rstrip('¶') if rep['h1'] else ''
    print(f'{"PASS" if not problems else "FAIL"}  {page}: "{title}", {ok}/{len(imgs)} images decoded '
          f'({sum(i["notebook"] for i in imgs)} in the notebook), screenshots {shots}/{Path(page).stem}-*.png')
    for p in problems: print(f'      {p}')
    return problems


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--site', type=Path, default=root / '_docs', help='the built site (default _docs/)')
    p.add_argument('--pages', nargs='*', help='pages to check (default: index.html and the model page, *_models.html)')
    p.add_argument('--shots', type=Path, default=Path(tempfile.gettempdir()) / 'rgbpose-docs-check',
                   help='folder for the screenshots (default: /tmp/rgbpose-docs-check)')
    p.add_argument('--min-images', type=int, default=1, help='images each page must show (default 1)')
    a = p.parse_args()
    browser = find_chromium()
    if browser is None:
        msg = 'chromium is not installed (apt-get update && apt-get install -y chromium)'
        if os.environ.get('DOCS_CHECK_ALLOW_NO_BROWSER') == '1':
            print(f'SKIP  the docs browser check: {msg}; DOCS_CHECK_ALLOW_NO_BROWSER=1 allows skipping'); return
        sys.exit(f'FAIL  {msg}; set DOCS_CHECK_ALLOW_NO_BROWSER=1 to skip this check instead')
    site = a.site.resolve()
    if not (site / 'index.html').is_file(): sys.exit(f'FAIL  no site at {site}: run `make docs` first')
    pages = a.pages or ['index.html'] + [f.name for f in sorted(site.glob('*_models.html'))[:1]]
    if len(pages) < 2 and not a.pages: sys.exit(f'FAIL  no model page (*_models.html) in {site}')
    a.shots.mkdir(parents=True, exist_ok=True)
    version = subprocess.run([browser, '--version'], capture_output=True, text=True).stdout.strip()
    server = ThreadingHTTPServer(('127.0.0.1', 0), functools.partial(Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f'http://127.0.0.1:{server.server_address[1]}'
    print(f'checking {len(pages)} page(s) of {site} in {version}, served at {base}')
    start, failed = time.time(), []
    try:
        for page in pages:
            if check_page(browser, base, page, a.shots, a.min_images): failed.append(page)
    finally: server.shutdown()
    print(f'pages: {len(pages)} in {time.time() - start:.0f} s')
    print(f'{len(pages) - len(failed)} passed, {len(failed)} failed')
    sys.exit(1 if failed else 0)


if __name__ == '__main__': main()
