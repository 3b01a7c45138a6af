"""Site tweaks for Train Well.

No thebe assets while thebe is off, a light default theme, one search box, progress bars shown
in their final state, "Practice" links from each concept page to its labs, Graphviz diagrams as
SVG images with their alt text, the site CSS; plotly.js served by the site itself on the pages that
hold an explorer (trainwell.explore), and names for the theme's unnamed controls (trainwell-a11y.js).
Both editions (English at the root, Chinese under zh/, see trainwell.book): a link on every page to
the same page in the other language, the Chinese labs' own Colab links, and a Chinese search index
that keeps the glossary's terms whole.
"""

import html
import json
import re
import shutil
from pathlib import Path

import sphinx_thebe
from docutils import nodes
from myst_nb.sphinx_ import Parser as NotebookParser
from sphinx import addnodes
from sphinx.errors import ConfigError
from sphinx.ext.graphviz import graphviz, render_dot
from sphinx.util import logging

from trainwell.book import EDITIONS
from trainwell.explore import MARK as EXPLORER_MARK
from trainwell.translation import (
    LABS_FOLDER,
    LANGUAGE,
    catalog_dir,
    catalogs,
    glossary_names,
    translations,
)

LOGGER = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parents[1] / "_static"
PLOTLY_JS = "plotly.min.js"
NB_RENDERER = "trainwell_nb_renderer"
# A Chinese heading short enough to be searched as one word: CJK characters and letters only.
SEARCH_WORD = re.compile(r"[\u4e00-\u9fff\w]{2,16}")
# Each edition's name for itself, in its own language, and its HTML language code.
LANGUAGE_NAMES = {"en": ("English", "en"), LANGUAGE: ("中文", "zh-CN")}
# The "Practice" line of a concept page: its label, the words before the links, each link's text.
PRACTICE = {"en": ("Practice:", " the lab ", "in {}"), LANGUAGE: ("练习：", "实验 ", "{} 版")}


def _thebe_enabled(app):
    return bool(app.config.html_theme_options.get("launch_buttons", {}).get("thebe"))


def _drop_thebe(app):
    """Unhook sphinx-thebe's page scripts: with thebe off they only throw a duplicate-declaration error."""
    if _thebe_enabled(app):
        return
    unwanted = {sphinx_thebe.init_thebe_core, sphinx_thebe.update_thebe_context}
    for listeners in app.events.listeners.values():
        for listener in list(listeners):
            if listener.handler in unwanted:
                app.disconnect(listener.id)


def _configure(app, config):
    if shutil.which(config.graphviz_dot) is None:
        raise ConfigError(
            f"the diagrams need Graphviz's `{config.graphviz_dot}` command, which is not installed: "
            "apt-get install graphviz (or brew install graphviz)"
        )
    config.html_static_path.append(str(STATIC))
    # pydata-sphinx-theme logs a console error on a first visit when no default mode is set.
    config.html_context.setdefault("default_mode", "light")
    # sphinx-book-theme keeps search in the sidebar; newer pydata-sphinx-theme releases read its
    # empty default as "unset" and add a second search box in a header bar above the page.
    config.html_theme_options.setdefault("navbar_persistent", [])
    if config.language == LANGUAGE:
        _search_words(app, config)
    _drop_thebe(app)


def _search_words(app, config):
    """The Chinese search splits text into words with jieba, and a query into words at spaces and
    punctuation: the glossary's terms (批量归一化) and the short headings of the catalogs
    (梯度消失与梯度爆炸) join jieba's dictionary, so that each is found as one word."""
    names = set(glossary_names(app.srcdir))
    for catalog in catalogs(app.srcdir):
        names.update(text for text in translations(catalog).values() if SEARCH_WORD.fullmatch(text))
    words = Path(app.doctreedir) / "search-words.txt"
    words.parent.mkdir(parents=True, exist_ok=True)
    words.write_text("".join(f"{name} 100000\n" for name in sorted(names)), encoding="utf-8")
    config.html_search_options = {**config.html_search_options, "dict": str(words)}


def _plotly_js() -> Path:
    """plotly.js as the plotly package ships it (the explorers draw with it)."""
    import plotly

    return Path(plotly.__file__).parent / "package_data" / PLOTLY_JS


def _add_plotly(app, pagename, templatename, context, doctree):
    """A page with an explorer loads plotly.js from the site (in its head, before the explorer's
    script runs); other pages load nothing more."""
    if EXPLORER_MARK in context.get("body", ""):
        app.add_js_file(PLOTLY_JS)


def _copy_plotly(app, exception):
    if exception is None and app.builder.format == "html":
        shutil.copyfile(_plotly_js(), Path(app.outdir) / "_static" / PLOTLY_JS)


def _language_switch(app, pagename, context):
    """At the top of the page, a link to the same page in the other edition."""
    here = app.config.language
    other = next(language for language in EDITIONS if language != here)
    up = "../" * pagename.count("/")
    if here == LANGUAGE:
        up += "../"
    url = f"{up}{EDITIONS[other] + '/' if EDITIONS[other] else ''}{pagename}.html"
    name, code = LANGUAGE_NAMES[other]
    context["metatags"] = context.get("metatags", "") + (
        f'\n<link rel="alternate" hreflang="{code}" href="{html.escape(url)}" />')
    if "body" in context:
        context["body"] = (
            f'<p class="trainwell-language"><a href="{html.escape(url)}" hreflang="{code}" '
            f'lang="{code}">{name}</a></p>\n' + context["body"])


def _chinese_lab_launch(app, pagename, templatename, context, doctree):
    """In the Chinese edition, a lab page's launch buttons (sphinx-book-theme's, made at priority
    501) open the Chinese lab."""
    if app.config.language != LANGUAGE or not pagename.startswith("labs/"):
        return
    english = f"/{pagename}.ipynb"
    chinese = f"/labs/{LABS_FOLDER}/{pagename.split('/', 1)[1]}.ipynb"
    for group in context.get("header_buttons", []):
        if group.get("label") != "launch-buttons":
            continue
        for button in group.get("buttons", []):
            if "url" in button:
                button["url"] = button["url"].replace(english, chinese)


def _page_context(app, pagename, templatename, context, doctree):
    _add_plotly(app, pagename, templatename, context, doctree)
    _language_switch(app, pagename, context)
    if _thebe_enabled(app):
        return
    context["css_files"] = [f for f in context.get("css_files", []) if "sphinx-thebe" not in str(f)]


def _merge_streams(source):
    """Join each cell's stream outputs per stream name as a terminal would show them.

    A progress bar is stored as many outputs, each a ``\\r`` plus the bar's new state. myst-nb
    merges them with a newline between, which shows every update on a line of its own; joined
    without one, its ``\\r`` handling leaves the final state only.
    """
    notebook = json.loads(source)
    for cell in notebook.get("cells", []):
        merged, outputs = {}, []
        for output in cell.get("outputs", []):
            if output.get("output_type") != "stream":
                outputs.append(output)
                continue
            text = "".join(output.get("text", []))
            if output["name"] in merged:
                merged[output["name"]]["text"] += text
            else:
                merged[output["name"]] = {**output, "text": text}
                outputs.append(merged[output["name"]])
        if merged:
            cell["outputs"] = outputs
    return json.dumps(notebook, ensure_ascii=False)


def _tidy_notebook_source(app, docname, source):
    if str(app.env.doc2path(docname)).endswith(".ipynb"):
        source[0] = _merge_streams(source[0])


def _lab_link(app, lab, label):
    """A link to a lab: its page when the site has one, else the notebook opened in Colab."""
    if lab in app.env.found_docs:
        xref = addnodes.pending_xref(
            "", refdomain="std", reftype="doc", reftarget=f"/{lab}", refexplicit=True
        )
        xref += nodes.inline("", label)
        return xref
    options = app.config.html_theme_options
    repo = options["repository_url"].rstrip("/").split("github.com/")[1]
    colab = options["launch_buttons"]["colab_url"].rstrip("/")
    prefix = options.get("path_to_docs", "").strip("/")
    path = "/".join(filter(None, [prefix, f"{lab}.ipynb"]))
    url = f"{colab}/github/{repo}/blob/{options['repository_branch']}/{path}"
    return nodes.reference("", label, refuri=url)


def _translate_captions(app, doctree):
    """The captions of the table of contents (sphinx-external-toc adds its toctrees after Sphinx
    has translated the page), from the page's catalog."""
    if app.config.language != LANGUAGE:
        return
    toctrees = [n for n in doctree.findall(addnodes.toctree) if n.get("caption")]
    if not toctrees:
        return
    table = translations(catalog_dir(app.srcdir) / f"{app.env.docname}.po")
    for toctree in toctrees:
        toctree["caption"] = table.get(toctree["caption"], toctree["caption"])


def _runs_notebooks(paragraph) -> bool:
    """The "Run it" line of a concept page: a paragraph that links the chapter's notebooks."""
    targets = [node.get("reftarget", "") or node.get("refuri", "")
               for node in paragraph.findall(lambda n: isinstance(n, (addnodes.pending_xref,
                                                                      nodes.reference)))]
    return any("pytorch" in t for t in targets) and any("tensorflow" in t for t in targets)


def _add_lab_links(app, doctree):
    """Under a concept page's "Run it" line, a "Practice" line linking the chapter's two labs."""
    match = re.fullmatch(r"chapters/([^/]+)/index", app.env.docname)
    if not match:
        return
    srcdir = Path(app.srcdir)
    heading, before, link = PRACTICE[app.config.language]
    labs = [
        (f"labs/{match.group(1)}-{key}", link.format(name))
        for key, name in (("pytorch", "PyTorch"), ("tensorflow", "TensorFlow"))
        if (srcdir / "labs" / f"{match.group(1)}-{key}.ipynb").is_file()
    ]
    anchor = next((p for p in doctree.findall(nodes.paragraph) if _runs_notebooks(p)), None)
    if not labs or anchor is None:
        return
    line = nodes.paragraph("", "", nodes.strong("", heading), nodes.Text(before))
    for i, (lab, label) in enumerate(labs):
        if i:
            line += nodes.Text(" · ")
        line += _lab_link(app, lab, label)
    anchor.parent.insert(anchor.parent.index(anchor) + 1, line)


class _KeptRenderer(dict):
    """A document's attributes that keep the notebook renderer, which myst-nb removes at the end
    of its parse, for the translated messages that Sphinx parses next (in ``env.temp_data``)."""

    def __init__(self, attributes, temp_data):
        super().__init__(attributes)
        self.temp_data = temp_data

    def pop(self, key, *default):
        value = super().pop(key, *default)
        if key == "nb_renderer":
            self.temp_data[NB_RENDERER] = value
        return value


class TranslatedNotebookParser(NotebookParser):
    """myst-nb's notebook parser, whose glue roles also work in translated messages.

    Sphinx parses each translated message as a document of its own (its source ends in
    ``<translated>``), which myst-nb reads as Markdown without the notebook's glue data: the
    notebook's renderer, kept while its page is read, is lent to those documents.
    """

    def parse(self, inputstring, document):
        temp_data = document.settings.env.temp_data
        if document.current_source.endswith("<translated>"):
            lent = NB_RENDERER in temp_data and "nb_renderer" not in document
            if lent:
                document["nb_renderer"] = temp_data[NB_RENDERER]
            try:
                return super().parse(inputstring, document)
            finally:
                if lent:
                    del document["nb_renderer"]
        temp_data.pop(NB_RENDERER, None)
        document.attributes = _KeptRenderer(document.attributes, temp_data)
        try:
            return super().parse(inputstring, document)
        finally:
            document.attributes = dict(document.attributes)


def _visit_diagram(translator, node):
    """A Graphviz diagram as an SVG ``<img>`` with its ``:alt:`` text (Sphinx 7 embeds SVGs as an
    ``<object>``, which has no alt text and which screen readers skip); no alt text is a warning."""
    alt = node.get("alt", "").strip()
    if not alt:
        LOGGER.warning("a diagram without :alt: text (say what it shows)", location=node)
    fname, _ = render_dot(translator, node["code"], node["options"], "svg", "graphviz")
    if fname is None:
        raise nodes.SkipNode
    translator.body.append(
        f'<div class="graphviz"><img src="{html.escape(fname)}" alt="{html.escape(alt)}" '
        f'class="diagram" /></div>\n'
    )
    raise nodes.SkipNode


def setup(app):
    app.setup_extension("sphinx.ext.graphviz")
    app.add_node(graphviz, override=True, html=(_visit_diagram, None))
    app.add_source_parser(TranslatedNotebookParser, override=True)
    app.connect("config-inited", _configure)
    app.connect("html-page-context", _page_context)
    app.connect("html-page-context", _chinese_lab_launch, priority=510)
    app.connect("source-read", _tidy_notebook_source)
    app.connect("doctree-read", _add_lab_links)
    app.connect("doctree-read", _translate_captions)
    app.connect("build-finished", _copy_plotly)
    app.add_css_file("trainwell.css")
    app.add_js_file("trainwell-a11y.js", loading_method="defer")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
