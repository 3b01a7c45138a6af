"""Site tweaks for Train Well.

No thebe assets while thebe is off, a light default theme, one search box, progress bars shown
in their final state, "Practice" links from each concept page to its labs, Graphviz diagrams as
SVG images with their alt text, the site CSS; plotly.js served by the site itself on the pages that
hold an explorer (trainwell.explore), and names for the theme's unnamed controls (trainwell-a11y.js).
"""

import html
import json
import re
import shutil
from pathlib import Path

import sphinx_thebe
from docutils import nodes
from sphinx import addnodes
from sphinx.errors import ConfigError
from sphinx.ext.graphviz import graphviz, render_dot
from sphinx.util import logging

from trainwell.explore import MARK as EXPLORER_MARK

LOGGER = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parents[1] / "_static"
PLOTLY_JS = "plotly.min.js"


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
    _drop_thebe(app)


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


def _page_context(app, pagename, templatename, context, doctree):
    _add_plotly(app, pagename, templatename, context, doctree)
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


def _add_lab_links(app, doctree):
    """Under a concept page's "Run it" line, a "Practice" line linking the chapter's two labs."""
    match = re.fullmatch(r"chapters/([^/]+)/index", app.env.docname)
    if not match:
        return
    srcdir = Path(app.srcdir)
    labs = [
        (f"labs/{match.group(1)}-{key}", f"in {name}")
        for key, name in (("pytorch", "PyTorch"), ("tensorflow", "TensorFlow"))
        if (srcdir / "labs" / f"{match.group(1)}-{key}.ipynb").is_file()
    ]
    anchor = next(
        (p for p in doctree.findall(nodes.paragraph) if p.astext().startswith("Run it")), None
    )
    if not labs or anchor is None:
        return
    line = nodes.paragraph("", "", nodes.strong("", "Practice:"), nodes.Text(" the lab "))
    for i, (lab, label) in enumerate(labs):
        if i:
            line += nodes.Text(" · ")
        line += _lab_link(app, lab, label)
    anchor.parent.insert(anchor.parent.index(anchor) + 1, line)


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
    app.connect("config-inited", _configure)
    app.connect("html-page-context", _page_context)
    app.connect("source-read", _tidy_notebook_source)
    app.connect("doctree-read", _add_lab_links)
    app.connect("build-finished", _copy_plotly)
    app.add_css_file("trainwell.css")
    app.add_js_file("trainwell-a11y.js", loading_method="defer")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
