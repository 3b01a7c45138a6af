"""The Chinese edition: Sphinx's gettext catalogs of every page, and what keeps them honest.

``locales/zh_CN/LC_MESSAGES/<page>.po`` holds one catalog per page of the site (written and kept in
step by ``make catalogs``: Sphinx's gettext builder, then sphinx-intl). The site's Chinese edition
is built from the same notebooks through these catalogs, so code, outputs and glued numbers are the
English edition's. :func:`problems` lists what would make a catalog wrong: a message untranslated or
fuzzy, markup that the translation lost or changed (a glued value, a citation, a link's target,
inline code or math), or a glossary term rendered by another name than the glossary's.

The Chinese labs (``labs/zh_CN/<lab-id>.ipynb``, for Colab and Jupyter) are the English student labs
with each markdown cell translated by the same catalogs: mdpo splits a cell into the paragraphs,
headings and list items that Sphinx's catalog entries are, and writes the cell back from their
translations. Code cells, and so the public tests and the grading, are the English lab's.
"""

from __future__ import annotations

import copy
import enum
import os
import re
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

LANGUAGE = "zh_CN"
LOCALE_DIR = "locales"
GLOSSARY = Path("book") / "glossary.md"

# Markup that a translation keeps character for character: roles ({glue:text}`key`, {cite}`key`,
# {doc}`page`), inline code, math, link targets, HTML tags and bare web addresses.
MARKUP = re.compile(
    r"\{[\w:-]+\}`[^`]*`"
    r"|``[^`]+``|`[^`\n]+`"
    r"|\$\$.+?\$\$|\$[^$\n]+\$"
    r"|\]\([^)\s]+\)"
    r"|</?[a-zA-Z][^>]*>"
    r"|https?://[\x21-\x7e]+",
    re.S,
)
# The Chinese labs: a folder of labs/, which shares the English labs' public tests (a link to them).
LABS_FOLDER = LANGUAGE
# A message that starts "2. " is a numbered heading (a list item's message has no number): its
# translation escapes the full stop, "2\. ", or Markdown reads it as a list and Sphinx keeps the English.
NUMBERED = re.compile(r"\d+\. ")
ESCAPED_NUMBER = re.compile(r"\d+\\\. ")
DISPLAY_MATH = re.compile(r"^\$\$.*?\$\$[ \t]*$", re.S | re.M)
MATH_PLACEHOLDER = "TRAINWELLDISPLAYMATH"
GLOSSARY_BLOCK = re.compile(r"```\{glossary\}\n(.*?)```", re.S)
TERM_SEPARATOR = " · "


class TranslationError(ValueError):
    """A page or lab that the catalogs cannot translate: a message is missing from them."""


class Kind(enum.Enum):
    """What is wrong with a message of a catalog."""

    UNTRANSLATED = "untranslated"
    FUZZY = "fuzzy"
    MARKUP = "markup changed"
    TERM = "glossary term"


@dataclass(frozen=True)
class Problem:
    """One message of one catalog that the Chinese edition cannot ship as it is."""

    catalog: Path
    msgid: str
    kind: Kind
    detail: str = ""

    def __str__(self) -> str:
        shown = self.msgid if len(self.msgid) <= 100 else self.msgid[:97] + "..."
        detail = f": {self.detail}" if self.detail else ""
        return f"{self.catalog}: {self.kind.value}{detail}\n    {shown!r}"


@dataclass(frozen=True)
class Term:
    """A glossary entry: the English spellings it is matched by, and its Chinese name."""

    english: tuple[str, ...]
    chinese: str

    def pattern(self) -> re.Pattern:
        spellings = "|".join(re.escape(s).replace(r"\ ", r"[\s-]+") for s in self.english)
        return re.compile(rf"(?<![\w-])(?:{spellings})(?:s|es)?(?![\w-])", re.I)


def catalog_dir(root: str | Path = ".") -> Path:
    """The folder of the Chinese catalogs."""
    return Path(root) / LOCALE_DIR / LANGUAGE / "LC_MESSAGES"


def catalogs(root: str | Path = ".") -> list[Path]:
    """Every Chinese catalog, sorted."""
    return sorted(catalog_dir(root).rglob("*.po"))


def markup(text: str) -> Counter:
    """The markup of ``text`` that a translation must keep, with how often each piece occurs."""
    return Counter(m.group(0) for m in MARKUP.finditer(text))


def prose(text: str) -> str:
    """``text`` without its markup: what a reader reads as words."""
    return MARKUP.sub(" ", text)


def _spellings(english: str) -> tuple[str, ...]:
    """``Xavier (Glorot) initialization`` is also written ``Xavier initialization`` and ``Glorot
    initialization``; a trailing plural ``s`` is optional (the pattern adds it back)."""
    match = re.fullmatch(r"(.*?)(\w+) \((\w+)\)(.*)", english)
    forms = [english] if match is None else [
        f"{match[1]}{match[2]}{match[4]}", f"{match[1]}{match[3]}{match[4]}", english]
    return tuple(re.sub(r"(?<=[a-z])s$", "", form) for form in forms)


def _glossary_entries(root: str | Path) -> list[tuple[str, list[str]]]:
    """Each ``English · 中文 / alternative`` line of the glossary's ``{glossary}`` blocks, as the
    English name and the Chinese names (the glossary's own first)."""
    text = (Path(root) / GLOSSARY).read_text(encoding="utf-8")
    return [(english.strip(), [name.strip() for name in chinese.split("/")])
            for block in GLOSSARY_BLOCK.findall(text) for line in block.splitlines()
            if line and not line[0].isspace() and TERM_SEPARATOR in line
            for english, chinese in [line.split(TERM_SEPARATOR, 1)]]


def glossary_terms(root: str | Path = ".") -> list[Term]:
    """The glossary's entries, each with its first Chinese name, longest English name first."""
    terms = [Term(_spellings(english), names[0]) for english, names in _glossary_entries(root)]
    return sorted(terms, key=lambda t: -len(t.english[0]))


def glossary_names(root: str | Path = ".") -> list[str]:
    """Every Chinese name of the glossary, alternatives included."""
    return [name for _, names in _glossary_entries(root) for name in names]


def term_problems(msgid: str, msgstr: str, terms: list[Term]) -> list[str]:
    """The glossary terms that ``msgid`` uses and ``msgstr`` does not render by their Chinese name.
    A term inside a longer term (*initialization* in *He initialization*) is the longer term's."""
    english, chinese = prose(msgid), prose(msgstr)
    missing = []
    for term in terms:
        english, found = term.pattern().subn(" ", english)
        if found and term.chinese not in chinese:
            missing.append(f"{term.english[0]!r} must be {term.chinese!r}")
    return missing


def problems(paths: list[Path] | None = None, root: str | Path = ".") -> list[Problem]:
    """Everything wrong with the Chinese catalogs ``paths`` (default: all of them)."""
    import polib

    terms = glossary_terms(root)
    found = []
    for path in catalogs(root) if paths is None else paths:
        for entry in polib.pofile(str(path)):
            if entry.obsolete:
                continue
            if "fuzzy" in entry.flags:
                found.append(Problem(path, entry.msgid, Kind.FUZZY))
            if not entry.msgstr:
                found.append(Problem(path, entry.msgid, Kind.UNTRANSLATED))
                continue
            if NUMBERED.match(entry.msgid) and not ESCAPED_NUMBER.match(entry.msgstr):
                found.append(Problem(path, entry.msgid, Kind.MARKUP,
                                     "a numbered heading's translation starts with its number and "
                                     "an escaped full stop, e.g. 2\\. "))
            english, chinese = markup(entry.msgid), markup(entry.msgstr)
            lost, added = english - chinese, chinese - english
            if lost or added:
                detail = "; ".join(filter(None, [
                    lost and f"lost {sorted(lost)}", added and f"added {sorted(added)}"]))
                found.append(Problem(path, entry.msgid, Kind.MARKUP, detail))
            found.extend(Problem(path, entry.msgid, Kind.TERM, detail)
                         for detail in term_problems(entry.msgid, entry.msgstr, terms))
    return found


def _key(msgid: str) -> str:
    """A message as both Sphinx and mdpo read it: its words, whatever the line breaks, with
    ``_emphasis_`` written ``*emphasis*`` (as mdpo writes it)."""
    return re.sub(r"(?<![\w`*])_([^_`\s][^_`]*)_(?![\w`])", r"*\1*", " ".join(msgid.split()))


def translations(catalog: Path) -> dict[str, str]:
    """The translated messages of ``catalog`` (by :func:`_key` of the English)."""
    import polib

    return {_key(e.msgid): e.msgstr for e in polib.pofile(str(catalog))
            if e.msgstr and not e.obsolete and "fuzzy" not in e.flags}


def translate_markdown(text: str, table: dict[str, str], where: str) -> str:
    """The markdown ``text`` with every message translated from ``table``; a raw HTML line (a
    hint's ``<summary>``) is translated as a whole, as Sphinx's catalogs hold it."""
    from mdpo.md2po import markdown_to_pofile
    from mdpo.po2md import pofile_to_markdown

    blocks: list[str] = []

    def stash(match: re.Match) -> str:
        blocks.append(match[0])
        return f"{MATH_PLACEHOLDER}{len(blocks) - 1}"

    # Display math is no Markdown (a line "+ x" in it would read as a list): mdpo sees a stand-in.
    text = DISPLAY_MATH.sub(stash, text)
    po = markdown_to_pofile(text)
    missing = []
    for entry in po:
        entry.msgstr = table.get(_key(entry.msgid), "")
        if not entry.msgstr and not re.search(r"[^\W\d_]", prose(entry.msgid).replace(MATH_PLACEHOLDER, "")):
            entry.msgstr = entry.msgid  # nothing to translate: math, code, numbers
        if not entry.msgstr:
            missing.append(entry.msgid)
    if missing:
        raise TranslationError(f"{where}: no Chinese for {missing[0]!r} (make catalogs, then "
                               "translate it in the catalog)")
    out = text
    if len(po):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "cell.po")
            po.save(path)
            out = pofile_to_markdown(text, path, wrapwidth=10**6)
    lines = [table.get(_key(line), line).rstrip("\n") if line.lstrip().startswith("<") else line
             for line in out.split("\n")]
    out = "\n".join(lines).rstrip("\n")
    return re.sub(rf"{MATH_PLACEHOLDER}(\d+)", lambda m: blocks[int(m[1])], out)


def _relink(text: str, depth: int) -> str:
    """Relative link targets of a lab, for a copy ``depth`` folders below it (sibling labs stay
    siblings: the copy's folder holds the translated labs)."""
    def fix(match: re.Match) -> str:
        target = match[1]
        if re.match(r"[a-z]+:|#|/", target) or "/" not in target:
            return match[0]
        return "](" + "../" * depth + target + ")"
    return re.sub(r"\]\(([^)\s]+)\)", fix, text)


def translated_lab(notebook, catalog: Path):
    """The Chinese version of a student lab notebook (nbformat), from its page's ``catalog``."""
    if not catalog.is_file():
        raise TranslationError(f"no Chinese catalog {catalog} (make catalogs)")
    table = translations(catalog)
    nb = copy.deepcopy(notebook)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            cell.source = _relink(translate_markdown(cell.source, table, f"{catalog} (cell {i})"), 1)
    return nb


def write_translated_labs(labs_dir: str | Path = "labs", root: str | Path = ".") -> list[Path]:
    """Write ``<labs_dir>/zh_CN/<lab-id>.ipynb`` for every English lab of ``labs_dir``, and the
    folder's link to the shared public tests; return the written paths."""
    import nbformat

    labs_dir = Path(labs_dir)
    out = labs_dir / LABS_FOLDER
    out.mkdir(exist_ok=True)
    tests = out / "tests"
    if not tests.is_symlink():
        tests.symlink_to(Path("..") / "tests", target_is_directory=True)
    written = []
    for lab in sorted(labs_dir.glob("*.ipynb")):
        catalog = catalog_dir(root) / "labs" / f"{lab.stem}.po"  # the lab's page on the site
        nb = translated_lab(nbformat.read(lab, as_version=4), catalog)
        path = out / lab.name
        path.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    """``python -m trainwell.translation [catalog.po ...]``: print the catalogs' problems."""
    import sys

    paths = [Path(p) for p in (sys.argv[1:] if argv is None else argv)] or None
    found = problems(paths)
    for problem in found:
        print(problem)
    print(f"{len(found)} problem(s)")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
