"""The built site as readers see it: every page in the system Chromium, with the network cut off.

The site is served on a free localhost port and every HTML page of the build is opened once in a
shared browser (all requests that do not go to that port are aborted). The tests then assert, over
every page: HTTP 200, no console error outside ``CONSOLE_ALLOWED``, no request leaving localhost,
content rendered, internal links and images resolved, math typeset by the local MathJax, no MyST
markup left raw, launch and download buttons on notebook pages, notebook and lab links on concept
pages, diagrams and executed demonstrations on concept pages, alt text on every image,
previous/next in TOC order, a working search, no serious or critical axe-core finding under WCAG
2.1 A/AA, and explorers whose labelled controls the keyboard moves through every precomputed
setting, each then shown with the values stored in the notebook. The Chinese edition (``zh/``) is
opened and checked the same way, and every page's language switch leads to the same page in the
other edition. Full-page screenshots of the introduction and of each chapter's concept page and
PyTorch notebook, and of the Chinese introduction and PyTorch notebooks (in a CJK font), go to
``_build/screenshots/``.
"""

import functools
import http.server
import json
import math
import os
import re
import shutil
import socketserver
import subprocess
import threading
from pathlib import Path
from urllib.parse import quote, unquote, urljoin, urlsplit

import pytest
import yaml
from notebooks import alt_text_problem

ROOT = Path(__file__).resolve().parents[1]
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text())
TOC = yaml.safe_load((ROOT / "_toc.yml").read_text())
SCREENSHOTS = ROOT / "_build" / "screenshots"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
COLAB_LINK = re.compile(
    r"^https://colab\.research\.google\.com/github/([^/]+)/([^/]+)/blob/([^/]+)/(.+\.ipynb)$"
)
UNRENDERED_ROLE = re.compile(r"\{[a-z][\w:-]*\}`")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_IMPACTS = ("minor", "moderate", "serious", "critical")
# The Chinese edition's folder of the site (trainwell.book.EDITIONS) and the searches it must answer.
CHINESE = "zh/"
CHINESE_SEARCHES = {"批量归一化": "04-batch-norm", "梯度裁剪": "03-gradient-clipping"}

# The explorers (trainwell.explore) of a page: id, stored spec, and each control's id, type and
# label; and what one explorer shows now: its setting, the traces in the figure, each slider's
# aria-valuetext, the live status line and the figure's description.
EXPLORERS_JS = """
() => Array.from(document.querySelectorAll("figure.trainwell-explorer")).map((root) => ({
  id: root.id,
  spec: JSON.parse(document.getElementById(root.id + "-data").textContent),
  controls: Array.from(root.querySelectorAll("input, select")).map((e) => ({
    id: e.id, type: e.type, label: e.labels && e.labels.length ? e.labels[0].textContent.trim() : ""})),
}))
"""
EXPLORER_STATE_JS = """
(id) => {
  const root = document.getElementById(id), plot = document.getElementById(id + "-plot");
  return {
    setting: root.dataset.setting || null,
    shown: (plot.data || []).map((t) => ({name: t.name, x: Array.from(t.x), y: Array.from(t.y)})),
    valuetexts: Array.from(root.querySelectorAll("input[type=range]")).map(
      (e) => [e.id, e.getAttribute("aria-valuetext")]),
    status: root.querySelector(".tw-status").textContent,
    description: plot.getAttribute("aria-label"),
  };
}
"""
EXPLORER_DATA = re.compile(r'<script type="application/json" id="([\w-]+)-data">(.*?)</script>', re.DOTALL)

# Console errors a page may log, as (regex, why it is harmless). Keep this list short: an entry
# hides a class of errors on every page. Empty now: thebe's duplicated script and
# pydata-sphinx-theme's "invalid theme mode" are removed by book/_ext/trainwell_site.py, the
# widget scripts from a CDN by nb_ipywidgets_js in _config.yml, and html.favicon sets the icon.
CONSOLE_ALLOWED: list[tuple[str, str]] = []

# Run in the page after MathJax has finished: what a reader would see, as data.
PAGE_REPORT_JS = """
async () => {
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) await MathJax.startup.promise;
  const article = document.querySelector("article.bd-article") || document.querySelector("main");
  const prose = article ? article.cloneNode(true) : document.createElement("div");
  prose.querySelectorAll("pre, code, .highlight, script, style, textarea, mjx-container")
       .forEach((e) => e.remove());
  const text = prose.textContent;
  const raw = [];
  for (const token of ["\\\\(", "\\\\)", "\\\\[", "\\\\]", "$$"]) {
    const i = text.indexOf(token);
    if (i >= 0) raw.push(text.slice(Math.max(0, i - 40), i + 40).replace(/\\s+/g, " "));
  }
  const tex = [];
  if (window.MathJax && MathJax.startup && MathJax.startup.document) {
    for (const item of MathJax.startup.document.math) tex.push(item.math);
  }
  const math = Array.from(document.querySelectorAll("span.math, div.math"));
  const box = article ? article.getBoundingClientRect() : {height: 0};
  return {
    title: (document.querySelector("main h1") || {}).textContent || "",
    articleHeight: box.height,
    articleText: article ? article.innerText.trim().length : 0,
    rawMath: raw,
    prose: text,
    tex: tex,
    mathElements: math.length,
    untypeset: math.filter((e) => !e.querySelector("mjx-container")).length,
    mathErrors: document.querySelectorAll("mjx-merror").length,
    links: Array.from(document.querySelectorAll("a[href]")).map((a) => a.href),
    articleLinks: article ? Array.from(article.querySelectorAll("a[href]")).map((a) => a.href) : [],
    executedCells: article ? article.querySelectorAll(".cell .cell_output").length : 0,
    images: Array.from(document.images).map((i) => ({
      src: i.currentSrc || i.src, loaded: i.complete && i.naturalWidth > 0,
      alt: i.getAttribute("alt"), inArticle: Boolean(article && article.contains(i)),
      diagram: i.classList.contains("diagram"),
      plot: Boolean(i.closest(".cell_output")), naturalWidth: i.naturalWidth,
      naturalHeight: i.naturalHeight, width: i.getBoundingClientRect().width,
      height: i.getBoundingClientRect().height,
      column: article ? article.getBoundingClientRect().width : 0,
    })),
    favicon: (document.querySelector("link[rel~='icon']") || {}).href || null,
    language: (document.querySelector(".trainwell-language a") || {}).href || null,
    lang: document.documentElement.lang,
    prev: (document.querySelector("a.left-prev") || {}).href || null,
    next: (document.querySelector("a.right-next") || {}).href || null,
  };
}
"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def handle(self):
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


def _html_pages(site):
    """Every page of the build: the HTML files outside Sphinx's asset folders."""
    skip = {"_static", "_sources", "_images", "_downloads"}
    return sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if not skip.intersection(p.relative_to(site).parts)
    )


def _english(page):
    """The English page of a page of either edition (``zh/book/intro.html`` → ``book/intro.html``)."""
    return page.removeprefix(CHINESE)


def _edition(page):
    """The folder of a page's edition: ``""`` for English, ``"zh/"`` for Chinese."""
    return CHINESE if page.startswith(CHINESE) else ""


def _cjk_font():
    """Whether fontconfig knows a font with Chinese glyphs (the screenshots need one)."""
    try:
        listed = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True)
    except FileNotFoundError:
        return False
    return bool(listed.stdout.strip())


def _source(page):
    """The repository file a page (of either edition) was built from, or None (genindex, ...)."""
    stem = _english(page)[: -len(".html")]
    for suffix in (".ipynb", ".md"):
        if (ROOT / (stem + suffix)).is_file():
            return stem + suffix
    return None


def _toc_order():
    """The pages of _toc.yml in reading order, as HTML paths."""
    order = [TOC["root"]]

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                order.append(entry["file"])
            walk(entry.get("sections"))

    for part in TOC.get("parts", []):
        walk(part.get("chapters"))
    walk(TOC.get("chapters"))
    return [f"{name}.html" for name in order]


def _chapters(site):
    return sorted(p.parent.name for p in (site / "chapters").glob("*/index.html"))


@pytest.fixture(scope="module")
def browser_report(built_site):
    """Serve the site, open every page once with the network cut off, and record what happened."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"no Chromium at {CHROMIUM}: .ci/run installs it with apt")
        pytest.skip("system Chromium not installed (apt-get install chromium)")

    if not _cjk_font():
        if os.environ.get("CI"):
            pytest.fail("no CJK font for the Chinese pages: .ci/run installs fonts-noto-cjk with apt")
        pytest.skip("no CJK font for the Chinese pages (apt-get install fonts-noto-cjk)")

    server = _Server(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(built_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shots = {"book/intro.html", f"{CHINESE}book/intro.html"} | {
        f"chapters/{c}/{page}.html" for c in _chapters(built_site) for page in ("index", "pytorch")
    } | {f"{CHINESE}chapters/{c}/pytorch.html" for c in _chapters(built_site)}

    pages, blocked, searches = {}, [], {}
    try:
        with sync_api.sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            current = [""]

            def route(r):
                if r.request.url.startswith(base):
                    r.continue_()
                else:
                    blocked.append((current[0], r.request.url))
                    r.abort()

            context.route("**/*", route)
            page = context.new_page()
            errors = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(f"uncaught: {e}"))
            for name in _html_pages(built_site):
                current[0] = name
                errors.clear()
                response = page.goto(base + quote(name), wait_until="load")
                if target := _refresh_target(built_site / name):  # the root index.html
                    page.wait_for_url(urljoin(base + quote(name), target), wait_until="load")
                report = _evaluate(page, sync_api.Error)
                report["status"] = response.status if response else None
                report["errors"] = list(errors)
                report["axe"] = _axe_violations(page)
                report["explorers"] = _operate_explorers(page)
                pages[name] = report
                if name in shots:
                    page.screenshot(
                        path=SCREENSHOTS / name.replace("/", "__").replace(".html", ".png"),
                        full_page=True,
                    )
            for key, (edition, query) in _search_queries(pages).items():
                current[0] = f"search: {query}"
                page.goto(f"{base}{edition}search.html?q={quote(query)}", wait_until="load")
                page.wait_for_function(
                    "() => (document.querySelector('#search-results .search-summary') || {}).innerText",
                    timeout=20_000,
                )
                searches[key] = page.eval_on_selector_all(
                    "#search-results ul.search li > a", "els => els.map(e => e.href)"
                )
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return {
        "base": base,
        "site": built_site,
        "pages": pages,
        "blocked": blocked,
        "searches": searches,
    }


def _evaluate(page, error):
    """The page report; a page that redirects (the root index.html) is read where it lands."""
    for _ in range(3):
        try:
            return page.evaluate(PAGE_REPORT_JS)
        except error as exc:
            if "context was destroyed" not in str(exc):
                raise
            page.wait_for_load_state("load")
    return page.evaluate(PAGE_REPORT_JS)


def _refresh_target(path):
    """Where a page that only redirects (a meta refresh) sends the reader, else None."""
    match = re.search(r'http-equiv="Refresh" content="\d+; url=([^"]+)"', path.read_text(encoding="utf-8"))
    return match.group(1) if match else None


@functools.cache
def _axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def _axe_violations(page):
    """axe-core's WCAG 2.1 A/AA violations on the page, as (rule, impact, node count, first target).
    Every rule runs; only violations are collected in full (axe's resultTypes: a third quicker on
    the long notebook pages, and the passes were never read)."""
    result = _axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS},
                                       "resultTypes": ["violations"]})
    return [
        (v["id"], v["impact"], len(v["nodes"]), v["nodes"][0]["target"] if v["nodes"] else None)
        for v in result.response["violations"]
    ]


def _operate_explorers(page):
    """Each explorer of the page walked through every setting of its grid (see _walk)."""
    return [_walk(page, explorer) for explorer in page.evaluate(EXPLORERS_JS)]


def _walk(page, explorer):
    """Find each control by its role and label, then visit every setting like an odometer: the
    first control steps on by keyboard (ArrowRight on a slider, ArrowDown on a list); when it is
    at its last value it goes back to its first (Home on a slider, Playwright's select_option on
    a list) and the next control steps on. At the end every control goes back to its first value.
    Records what the explorer shows after each move, with the setting that move should give."""
    controls = []
    for c in explorer["controls"]:
        role = "slider" if c["type"] == "range" else "combobox"
        named = page.locator(f"#{explorer['id']}").get_by_role(role, name=c["label"], exact=True)
        ok = bool(c["label"]) and named.count() == 1 and named.get_attribute("id") == c["id"]
        controls.append({"label": c["label"], "role": role, "named": ok,
                         "locator": named if ok else page.locator(f"#{c['id']}")})
    sizes = [len(c["values"]) for c in explorer["spec"]["controls"]]
    index = [0] * len(sizes)
    states = []

    def record(how):
        state = page.evaluate(EXPLORER_STATE_JS, explorer["id"])
        states.append({**state, "how": how, "expected": "|".join(map(str, index))})

    def reset(i):
        control = controls[i]
        if control["role"] == "slider":
            control["locator"].press("Home")
            how = "Home"
        else:
            control["locator"].select_option(index=0)
            how = "select_option(index=0)"
        index[i] = 0
        return f"{how} on {control['label']!r}"

    record("loading the page")
    for _ in range(math.prod(sizes) - 1):
        moves, i = [], 0
        while index[i] == sizes[i] - 1:
            moves.append(reset(i))
            i += 1
        key = "ArrowRight" if controls[i]["role"] == "slider" else "ArrowDown"
        controls[i]["locator"].press(key)
        index[i] += 1
        record(", ".join([*moves, f"{key} on {controls[i]['label']!r}"]))
    if any(index):
        record(", ".join(reset(i) for i in range(len(sizes)) if index[i]))
    return {
        "id": explorer["id"],
        "spec": explorer["spec"],
        "controls": [{k: v for k, v in c.items() if k != "locator"} for c in controls],
        "states": states,
    }


@functools.cache
def _stored_explorers(source):
    """The explorer specs in a notebook's stored outputs, by explorer id."""
    nb = json.loads((ROOT / source).read_text(encoding="utf-8"))
    specs = {}
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            html = output.get("data", {}).get("text/html", "")
            for ident, data in EXPLORER_DATA.findall("".join(html)):
                specs[ident] = json.loads(data)
    return specs


def _search_queries(pages):
    """Queries for the search of each edition, by key: each chapter's title (key: the chapter, or
    ``zh/`` and the chapter), two fixed English ones and the Chinese terms of CHINESE_SEARCHES."""
    queries = {"vanishing": ("", "vanishing"),
               "batch normalization": ("", "batch normalization")}
    queries.update({term: (CHINESE, term) for term in CHINESE_SEARCHES})
    for name, page in pages.items():
        if match := re.fullmatch(r"(zh/)?chapters/([^/]+)/index\.html", name):
            edition = match.group(1) or ""
            queries[edition + match.group(2)] = (edition, page["title"].replace("#", "").strip())
    return queries


def _local_path(report, url):
    """The path of a URL under the site, or None for another host."""
    if not url.startswith(report["base"]):
        return None
    return unquote(urlsplit(url).path).lstrip("/")


@functools.cache
def _ids(path):
    return set(re.findall(r'\bid="([^"]+)"', path.read_text(encoding="utf-8")))


def _resolve(report, url):
    """None when the site URL resolves (file and fragment exist), else the reason."""
    path = _local_path(report, url)
    target = report["site"] / path
    if target.is_dir():
        target = target / "index.html"
    if not target.is_file():
        return "no such file"
    fragment = urlsplit(url).fragment
    if fragment and target.suffix == ".html" and unquote(fragment) not in _ids(target):
        return f"no #{fragment} in {path}"
    return None


def _assert_pages(report, check):
    """Assert that ``check(name, page)`` yields no problem on any page; list them all if it does."""
    failures = []
    for name, page in report["pages"].items():
        failures += [f"{name}: {problem}" for problem in check(name, page)]
    assert not failures, "\n".join(failures)


def test_every_page_is_served_and_shows_its_content(browser_report):
    assert len(browser_report["pages"]) >= 5

    def check(name, page):
        if page["status"] != 200:
            yield f"HTTP {page['status']}"
        if name not in ("index.html",) and (
            page["articleHeight"] < 100 or page["articleText"] < 20
        ):
            yield "no visible content"

    _assert_pages(browser_report, check)


def test_no_console_errors(browser_report):
    def check(name, page):
        for message in page["errors"]:
            if not any(re.search(pattern, message) for pattern, _ in CONSOLE_ALLOWED):
                yield message

    _assert_pages(browser_report, check)


def test_pages_render_without_any_request_leaving_localhost(browser_report):
    assert not browser_report["blocked"], "requests that need the network (all were aborted)"


def test_internal_links_and_images_resolve(browser_report):
    def check(name, page):
        for url in sorted(set(page["links"])):
            if _local_path(browser_report, url) is not None and (
                why := _resolve(browser_report, url)
            ):
                yield f"link {url}: {why}"
        if page["favicon"] is None and name != "index.html":
            yield "no favicon"
        elif page["favicon"] and (why := _resolve(browser_report, page["favicon"])):
            yield f"favicon {page['favicon']}: {why}"
        for image in page["images"]:
            if image["src"].startswith("data:"):
                continue
            if _local_path(browser_report, image["src"]) is None:
                yield f"image from another host: {image['src']}"
            elif not image["loaded"]:
                yield f"image not loaded: {image['src']}"

    _assert_pages(browser_report, check)


def test_plots_keep_their_shape_fit_the_column_and_are_sharp(browser_report):
    def check(name, page):
        for image in page["images"]:
            if not image["plot"] or not image["loaded"] or not image["height"]:
                continue
            shown = image["width"] / image["height"]
            stored = image["naturalWidth"] / image["naturalHeight"]
            if abs(shown / stored - 1) > 0.02:
                yield f"plot {image['src']} distorted: shown {shown:.2f}, stored {stored:.2f} wide per high"
            if image["width"] > image["column"] + 1:
                yield f"plot {image['src']} wider than the text column"
            if image["naturalWidth"] < 1.9 * image["width"]:  # stored at double density
                yield f"plot {image['src']} shown at {image['width']:.0f} px from {image['naturalWidth']} px"

    plots = sum(i["plot"] for p in browser_report["pages"].values() for i in p["images"])
    assert plots >= 24, plots  # every chapter notebook has plots
    _assert_pages(browser_report, check)


def test_math_is_typeset(browser_report):
    def check(name, page):
        if page["rawMath"]:
            yield f"raw TeX left in the text: {page['rawMath']}"
        if page["untypeset"]:
            yield f"{page['untypeset']} of {page['mathElements']} math elements not typeset"
        if page["mathErrors"]:
            yield f"{page['mathErrors']} MathJax errors"

    _assert_pages(browser_report, check)
    assert sum(p["mathElements"] for p in browser_report["pages"].values()) > 20


def test_no_markup_left_unrendered(browser_report):
    """A MyST role that was not parsed (e.g. a glue role inside $...$) shows up as raw text."""

    def check(name, page):
        for where, text in [("text", page["prose"])] + [("math", t) for t in page["tex"]]:
            for match in UNRENDERED_ROLE.finditer(text):
                yield f"unrendered role in the {where}: {text[max(0, match.start() - 30) : match.end() + 30]!r}"

    _assert_pages(browser_report, check)


def test_notebook_pages_have_colab_and_download_buttons(browser_report):
    repo = CONFIG["repository"]
    owner, name = repo["url"].rstrip("/").split("github.com/")[1].split("/")[:2]
    prefix = repo.get("path_to_book", "").strip("/")
    notebooks = [p for p in browser_report["pages"] if (_source(p) or "").endswith(".ipynb")]
    assert notebooks, "no notebook pages in the build"

    def check(page_name, page):
        source = _source(page_name)
        if source and _edition(page_name) and source.startswith("labs/"):  # the Chinese lab
            launched = "labs/zh_CN/" + source.removeprefix("labs/")
        else:
            launched = source
        colab = [m for url in page["links"] if (m := COLAB_LINK.match(url))]
        for m in colab:
            if (m.group(1), m.group(2), m.group(3)) != (owner, name, repo["branch"]):
                yield f"Colab link to another repository or branch: {m.group(0)}"
            elif not (ROOT / m.group(4)).is_file():
                yield f"Colab link to a notebook the repository lacks: {m.group(0)}"
        if source is None or not source.endswith(".ipynb"):
            return
        own = "/".join(filter(None, [prefix, launched]))
        if not any(m.group(4) == own for m in colab):
            yield f"no Colab launch link to {own}"
        download = f"{_edition(page_name)}_sources/{source}"
        if not any(_local_path(browser_report, u) == download for u in page["links"]):
            yield f"no download link to {download}"

    _assert_pages(browser_report, check)


def test_concept_pages_link_their_notebooks_and_labs(browser_report):
    chapters = _chapters(browser_report["site"])
    assert chapters

    def check(name, page):
        match = re.fullmatch(r"chapters/([^/]+)/index\.html", _english(name))
        if not match:
            return
        chapter = match.group(1)
        targets = {_local_path(browser_report, u) for u in page["articleLinks"]}
        for framework in ("pytorch", "tensorflow"):
            if f"{_edition(name)}chapters/{chapter}/{framework}.html" not in targets:
                yield f"no link to its {framework} notebook"
            lab = f"labs/{chapter}-{framework}"
            if (ROOT / f"{lab}.ipynb").is_file() and not any(
                url.split("#")[0].endswith((f"{_edition(name)}{lab}.html", f"{lab}.ipynb"))
                for url in page["articleLinks"]
            ):
                yield f"no link to its lab {lab}.ipynb"

    _assert_pages(browser_report, check)


def test_concept_pages_show_diagrams_and_executed_demonstrations(browser_report):
    """Each concept page has Graphviz diagrams (SVG files of the site, loaded with the network cut
    off) and at least one executed NumPy cell (their alt text: see the next test)."""
    chapters = _chapters(browser_report["site"])
    assert len(chapters) == 6, chapters

    def check(name, page):
        if not re.fullmatch(r"chapters/[^/]+/index\.html", _english(name)):
            return
        diagrams = [i for i in page["images"] if i["diagram"]]
        if not diagrams:
            yield "no diagram"
        for image in diagrams:
            if not (_local_path(browser_report, image["src"]) or "").endswith(".svg"):
                yield f"diagram not an SVG of the site: {image['src']}"
            if not image["loaded"]:
                yield f"diagram not loaded: {image['src']}"
        if page["executedCells"] < 1:
            yield "no executed demonstration (code cell with stored output)"

    _assert_pages(browser_report, check)
    diagrams = sum(
        i["diagram"] for name, p in browser_report["pages"].items() for i in p["images"]
        if re.fullmatch(r"chapters/[^/]+/index\.html", name)
    )
    chinese = sum(
        i["diagram"] for name, p in browser_report["pages"].items() for i in p["images"]
        if re.fullmatch(r"zh/chapters/[^/]+/index\.html", name)
    )
    assert chinese == diagrams, f"{chinese} diagrams on the Chinese concept pages, {diagrams} in English"
    assert diagrams >= 10, f"{diagrams} diagrams on the concept pages; issue 15 lists ten"


def test_every_image_has_alt_text_that_says_what_it_shows(browser_report):
    """Every ``<img>`` of every page has alt text: not empty, not a file name (docutils' stand-in
    for a missing alt), not a generic word; the images in a page's text, plots and diagrams, say
    what they show in a sentence. The count is printed (pytest -s)."""
    def check(name, page):
        for image in page["images"]:
            if why := alt_text_problem(image["alt"], sentence=image["inArticle"]):
                yield f"{image['src']}: {why}"

    _assert_pages(browser_report, check)
    images = [i for p in browser_report["pages"].values() for i in p["images"]]
    plots = sum(i["plot"] for i in images)
    diagrams = sum(i["diagram"] for i in images)
    print(f"{len(images)} images on {len(browser_report['pages'])} pages, all with alt text: "
          f"{plots} plots, {diagrams} diagrams, {len(images) - plots - diagrams} others")
    assert plots >= 24 and diagrams >= 10, (plots, diagrams)


@pytest.mark.parametrize("edition", ["", CHINESE])
def test_previous_and_next_follow_the_table_of_contents(browser_report, edition):
    order = [edition + page for page in _toc_order()]
    missing = [p for p in order if p not in browser_report["pages"]]
    assert not missing, f"pages in _toc.yml missing from the build: {missing}"
    failures = []
    for before, after in zip(order, order[1:]):
        nxt = _local_path(browser_report, browser_report["pages"][before]["next"] or "")
        prev = _local_path(browser_report, browser_report["pages"][after]["prev"] or "")
        if nxt != after:
            failures.append(f"{before}: next is {nxt}, expected {after}")
        if prev != before:
            failures.append(f"{after}: previous is {prev}, expected {before}")
    assert not failures, "\n".join(failures)


def _found(report, key, folder, edition=""):
    return any(
        (_local_path(report, url) or "").startswith(f"{edition}chapters/{folder}/")
        for url in report["searches"].get(key, [])
    )


@pytest.mark.parametrize("edition", ["", CHINESE])
def test_search_finds_each_chapter_by_its_title(browser_report, edition):
    missed = [c for c in _chapters(browser_report["site"])
              if not _found(browser_report, edition + c, c, edition)]
    assert not missed, f"the {edition or 'English '}search for their titles does not find: {missed}"
    if (browser_report["site"] / "chapters" / "02-vanishing-exploding").is_dir():
        assert _found(browser_report, "vanishing", "02-vanishing-exploding")


@pytest.mark.skipif(
    not (ROOT / "chapters" / "04-batch-norm").is_dir(), reason="chapter 04 is not written yet"
)
def test_search_finds_batch_normalization(browser_report):
    hits = browser_report["searches"]["batch normalization"]
    assert _found(browser_report, "batch normalization", "04-batch-norm"), (
        f"'batch normalization' does not find chapters/04-batch-norm (is it in _toc.yml?): {hits}"
    )


def test_search_in_chinese_finds_the_chapter_of_a_term(browser_report):
    missed = {term: browser_report["searches"][term] for term, chapter in CHINESE_SEARCHES.items()
              if not _found(browser_report, term, chapter, CHINESE)}
    assert not missed, f"the Chinese search does not find the chapter of: {missed}"


def test_every_page_links_the_same_page_in_the_other_language(browser_report):
    """The language switch of every page (but the root's redirect) leads to the page of the other
    edition with the same source, which is served and links back; each edition says its language."""
    pages = browser_report["pages"]
    assert sum(name.startswith(CHINESE) for name in pages) == sum(
        not name.startswith(CHINESE) for name in pages), "the editions differ in their pages"

    def check(name, page):
        expected_lang = "zh-CN" if _edition(name) else "en"
        if page["lang"] != expected_lang:
            yield f"<html lang={page['lang']!r}>, expected {expected_lang!r}"
        if name == "index.html" or _source(name) is None:
            return
        other = _local_path(browser_report, page["language"] or "")
        expected = _english(name) if _edition(name) else CHINESE + name
        if other != expected:
            yield f"the language switch leads to {other}, expected {expected}"
        elif _local_path(browser_report, pages[other]["language"] or "") != name:
            yield f"{other} does not link back"

    _assert_pages(browser_report, check)


def test_screenshots_saved(browser_report):
    names = ["book__intro.png", "zh__book__intro.png"] + [
        f"chapters__{c}__{page}.png" for c in _chapters(browser_report["site"])
        for page in ("index", "pytorch")
    ] + [f"zh__chapters__{c}__pytorch.png" for c in _chapters(browser_report["site"])]
    for name in names:
        assert (SCREENSHOTS / name).stat().st_size > 10_000, name


def test_no_serious_or_critical_accessibility_violation(browser_report):
    """axe-core on every page, WCAG 2.1 A and AA rules: no finding of impact serious or critical.
    The counts by impact over all pages are printed (pytest -s, or in the failure message)."""
    counts = dict.fromkeys(AXE_IMPACTS, 0)
    for page in browser_report["pages"].values():
        for _, impact, nodes, _ in page["axe"]:
            counts[impact] = counts.get(impact, 0) + nodes
    print(f"axe-core over {len(browser_report['pages'])} pages, elements by impact: {counts}")

    def check(name, page):
        for rule, impact, nodes, target in page["axe"]:
            if impact in ("serious", "critical"):
                yield f"{impact} {rule} on {nodes} elements, e.g. {target}"

    _assert_pages(browser_report, check)


def test_every_chapter_has_an_explorer_operated_through_every_setting(browser_report):
    """Every chapter notebook page of both editions holds an explorer. Each control is found by its role and its
    label (its accessible name) and moved with the keyboard (and a list with select_option) until
    the explorer has shown every setting of its grid; after each move the figure holds the traces
    that the notebook's stored output holds for that setting, a slider's aria-valuetext and the
    live status line say the values, and the figure's description is a sentence."""
    chapters = _chapters(browser_report["site"])
    for chapter in chapters:
        for name in (f"{edition}chapters/{chapter}/{framework}.html"
                     for edition in ("", CHINESE) for framework in ("pytorch", "tensorflow")):
            assert browser_report["pages"][name]["explorers"], f"{name}: no explorer"

    def check(name, page):
        stored = _stored_explorers(_source(name)) if page["explorers"] else {}
        for run in page["explorers"]:
            spec = stored.get(run["id"])
            if spec is None:
                yield f"{run['id']}: not in the stored outputs of {_source(name)}"
                continue
            if run["spec"] != spec:
                yield f"{run['id']}: the page's data differ from the output stored in {_source(name)}"
            for control in run["controls"]:
                if not control["named"]:
                    yield f"{run['id']}: no {control['role']} named by its label {control['label']!r}"
            yield from _check_states(run, spec)

    _assert_pages(browser_report, check)
    settings = sum(len(r["states"]) for p in browser_report["pages"].values() for r in p["explorers"])
    print(f"explorers: {settings} settings shown and checked")


def _check_states(run, spec):
    labels = [c["label"] for c in spec["controls"]]
    for state in run["states"]:
        where = f"{run['id']} after {state['how']}"
        key = state["expected"]
        if state["setting"] != key:
            yield f"{where}: shows setting {state['setting']}, expected {key}"
            continue
        stored = [{"name": t["name"], "x": t["x"], "y": t["y"]} for t in spec["frames"][key]]
        if state["shown"] != stored:
            yield f"{where}: the figure is not the one stored for setting {key}"
        values = [c["values"][int(i)] for c, i in zip(spec["controls"], key.split("|"))]
        for ident, text in state["valuetexts"]:
            if text != values[int(ident.rsplit("-c", 1)[1])]:
                yield f"{where}: slider {ident} has aria-valuetext {text!r}"
        status = "Showing " + ", ".join(f"{label} {v}" for label, v in zip(labels, values)) + "."
        if state["status"] != status:
            yield f"{where}: the status line says {state['status']!r}, not {status!r}"
        if why := alt_text_problem(state["description"]):
            yield f"{where}: figure description: {why}"
    visited = {state["expected"] for state in run["states"]}
    if missing := sorted(set(spec["frames"]) - visited):
        yield f"{run['id']}: settings never shown: {missing}"
