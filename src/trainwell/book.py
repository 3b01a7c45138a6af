"""Build the site in both languages (``make book``) and keep the Chinese catalogs current.

The English edition goes to ``_build/html``, the Chinese one to ``_build/html/zh``: the same
sources and stored notebooks, read once per language, the Chinese through the catalogs of
:mod:`trainwell.translation`. ``make catalogs`` extracts the English messages with Sphinx's gettext
builder and merges them into the catalogs with sphinx-intl (a changed message becomes fuzzy, a new
one untranslated, and the suite fails until a translator has seen it).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from trainwell.translation import LANGUAGE, LOCALE_DIR

BUILD = "_build"
# Where each edition of the site goes, under _build/html; English is the root.
EDITIONS = {"en": "", LANGUAGE: "zh"}


def site_dir(root: str | Path, language: str) -> Path:
    """The folder of one edition of the built site."""
    return Path(root).resolve() / BUILD / "html" / EDITIONS[language]


def _sphinx(root: Path, builder: str, out: Path, language: str, strict: bool,
            doctrees: Path | None = None) -> None:
    """One Sphinx run as ``jupyter-book build --all -n`` makes it, in its own process (Sphinx and
    docutils keep global state), ``-W --keep-going`` when ``strict``."""
    doctrees = doctrees or root / BUILD / f".doctrees-{builder}-{language}"
    overrides = {
        "external_toc_path": str(root / "_toc.yml"), "latex_individualpages": False,
        "nitpicky": True, "language": language,
    }
    code = (
        "import sys\nfrom jupyter_book.sphinx import build_sphinx\n"
        f"sys.exit(build_sphinx({str(root)!r}, {str(out)!r}, noconfig=True, "
        f"path_config={str(root / '_config.yml')!r}, confoverrides={overrides!r}, "
        f"builder={builder!r}, doctreedir={str(doctrees)!r}, "
        f"freshenv=True, warningiserror={strict}, keep_going=True) or 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=root)
    if result.returncode:
        raise SystemExit(f"the {language} {builder} build failed (exit {result.returncode}); "
                         "the messages above say why")


def build(root: str | Path = ".", strict: bool = True) -> list[Path]:
    """Build every edition of the site; return their folders."""
    root = Path(root).resolve()
    built = []
    for language in EDITIONS:
        out = site_dir(root, language)
        _sphinx(root, "html", out, language, strict)
        built.append(out)
    return built


def extract_messages(root: str | Path = ".", out: str | Path | None = None) -> Path:
    """Write the English messages of every page as gettext templates (``<page>.pot``) into ``out``
    (default ``_build/gettext``); return that folder."""
    root = Path(root).resolve()
    out = Path(out).resolve() if out else root / BUILD / "gettext"
    _sphinx(root, "gettext", out, "en", strict=True, doctrees=out / ".doctrees")
    return out


def update_catalogs(root: str | Path = ".") -> Path:
    """Extract the English messages of every page and merge them into the Chinese catalogs."""
    root = Path(root).resolve()
    templates = extract_messages(root)
    subprocess.run(
        [sys.executable, "-m", "sphinx_intl", "update", "-p", str(templates), "-l", LANGUAGE,
         "-d", str(root / LOCALE_DIR), "-w", "0"],
        cwd=root, check=True,
    )
    return root / LOCALE_DIR / LANGUAGE
