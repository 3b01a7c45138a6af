"""The Chinese edition: complete, current catalogs; the same numbers as the English site; the
Chinese labs. (The browser test opens every Chinese page; test_grading_batch grades Chinese labs.)"""

import filecmp
import json
import re
import shutil
from pathlib import Path

import nbformat
import polib
import pytest
from grading_cases import solved

from trainwell.book import EDITIONS, extract_messages
from trainwell.translation import (
    LABS_FOLDER,
    LANGUAGE,
    Kind,
    catalog_dir,
    catalogs,
    glossary_terms,
    problems,
    term_problems,
    translated_lab,
    write_translated_labs,
)

ROOT = Path(__file__).resolve().parents[1]
CHINESE = ROOT / "labs" / LABS_FOLDER
ENGLISH_LABS = sorted((ROOT / "labs").glob("*.ipynb"))
CJK = re.compile(r"[\u4e00-\u9fff]")
# Pages with little prose of their own: the root's redirect, the search and index pages, and the
# bibliography (the papers' English titles).
NOT_PROSE = ("index.html", "search.html", "genindex.html", "book/references.html")
PASTED = re.compile(r'<span class="pasted-text">(.*?)</span>', re.S)


def test_every_message_is_translated_not_fuzzy_and_keeps_markup_and_glossary_terms():
    found = problems(root=ROOT)
    kinds = {kind: sum(p.kind is kind for p in found) for kind in Kind}
    assert not found, (
        f"{len(found)} problem(s) in the Chinese catalogs {kinds}; translate them in "
        f"locales/{LANGUAGE} (python -m trainwell.translation lists them all):\n"
        + "\n".join(map(str, found[:30])))
    assert len(catalogs(ROOT)) >= 38


def test_catalogs_hold_exactly_the_messages_of_the_pages(tmp_path):
    """An English change that was not merged into the catalogs (make catalogs) fails here: every
    page's messages are in its catalog, and no catalog holds a message no page has."""
    templates = extract_messages(ROOT, tmp_path / "gettext")
    pages = {p.relative_to(templates).with_suffix("").as_posix(): p
             for p in templates.rglob("*.pot")}
    held = {p.relative_to(catalog_dir(ROOT)).with_suffix("").as_posix(): p
            for p in catalogs(ROOT)}
    assert sorted(pages) == sorted(held), "pages without a catalog or catalogs without a page"
    stale = []
    for page, template in pages.items():
        wanted = {e.msgid for e in polib.pofile(str(template)) if e.msgid}  # Sphinx emits empty ones
        have = {e.msgid for e in polib.pofile(str(held[page])) if not e.obsolete}
        if wanted != have:
            stale.append(f"{page}: {len(wanted - have)} new, {len(have - wanted)} gone")
    assert not stale, "catalogs behind the pages (run make catalogs, then translate):\n" + "\n".join(stale)


def test_the_glossary_check_wants_each_term_by_its_chinese_name():
    terms = glossary_terms(ROOT)
    assert len(terms) >= 40
    assert term_problems("Batch normalization keeps the scale.", "批量归一化保持尺度。", terms) == []
    assert term_problems("Batch normalization keeps the scale.", "批标准化保持尺度。", terms) == [
        "'Batch normalization' must be '批量归一化'"]
    # plurals count; a term inside a longer one is the longer one's; code is not prose
    assert term_problems("Two learning rates.", "两个学习率。", terms) == []
    assert term_problems("He initialization", "He 初始化", terms) == []
    assert term_problems("the `Dropout` layer", "`Dropout` 层", terms) == []
    assert term_problems("Overfitting and dropout", "过拟合和暂退", terms) == [
        "'Dropout' must be '丢弃法'"]


def test_the_catalog_check_finds_each_kind_of_problem(tmp_path):
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    entries = [
        ("The mean is {glue:text}`m:.2f`.", "均值为 {glue:text}`m:.2f`。", []),
        ("Untouched.", "", [Kind.UNTRANSLATED]),
        ("A value of {glue:text}`m:.2f`.", "一个值。", [Kind.MARKUP]),
        ("See [the page](index.md).", "见[该页](other.md)。", [Kind.MARKUP]),
        ("2. Training mode", "2. 训练模式", [Kind.MARKUP]),
        ("3. Evaluation mode", "3\\. 评估模式", []),
        ("Use $x$ here.", "此处用 x。", [Kind.MARKUP]),
        ("Weight decay helps.", "权值衰减有帮助。", [Kind.TERM]),
    ]
    for msgid, msgstr, _ in entries:
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    po.append(polib.POEntry(msgid="Changed.", msgstr="改了。", flags=["fuzzy"]))
    path = tmp_path / "page.po"
    po.save(str(path))
    found = problems([path], root=ROOT)
    by_message = {}
    for problem in found:
        by_message.setdefault(problem.msgid, []).append(problem.kind)
    for msgid, _, kinds in entries:
        assert by_message.get(msgid, []) == kinds, msgid
    assert by_message["Changed."] == [Kind.FUZZY]


def _pages(site: Path) -> set[str]:
    skip = {"_static", "_sources", "_images", "_downloads", "zh"}
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")
            if not skip.intersection(p.relative_to(site).parts)}


def test_every_page_exists_in_chinese_with_the_same_glued_numbers(built_site):
    chinese = built_site / EDITIONS[LANGUAGE]
    english = _pages(built_site)
    assert len(english) >= 38 and _pages(chinese) == english
    differ = []
    pasted = 0
    for page in sorted(english):
        ours = PASTED.findall((built_site / page).read_text(encoding="utf-8"))
        theirs = PASTED.findall((chinese / page).read_text(encoding="utf-8"))
        pasted += len(ours)
        if sorted(ours) != sorted(theirs):
            differ.append(f"{page}: {len(ours)} glued values in English, {len(theirs)} in Chinese, "
                          f"first difference {sorted(set(ours) ^ set(theirs))[:3]}")
    assert not differ, "\n".join(differ)
    assert pasted >= 250


def test_chinese_pages_are_chinese_and_show_no_raw_markdown(built_site):
    """Each Chinese page's prose is in Chinese, and no emphasis or heading was left as raw
    Markdown (a CJK sentence can keep ``**`` from closing; a "2. " heading parses as a list)."""
    chinese = built_site / EDITIONS[LANGUAGE]
    failures = []
    for page in sorted(_pages(chinese)):
        text = (chinese / page).read_text(encoding="utf-8")
        main = text[text.find("<main"):]
        prose = re.sub(r"<(pre|code|script|style|span class=\"math[^\"]*\")[^>]*>.*?</\1>", " ",
                       re.sub(r'<div class="cell_output.*?</div>\s*</div>', " ", main, flags=re.S),
                       flags=re.S)
        words = re.sub(r"<[^>]+>", " ", prose)
        if "**" in words:
            i = words.index("**")
            failures.append(f"{page}: raw ** in {words[max(0, i - 40):i + 40]!r}")
        for heading in re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", main, re.S):
            title = re.sub(r"<[^>]+>", "", heading).replace("#", "").strip()
            if not CJK.search(title) and re.search(r"\b[a-z]{3,}\b", title):
                failures.append(f"{page}: heading {title!r} is not translated")
        if page not in NOT_PROSE and len(CJK.findall(words)) < 50:
            failures.append(f"{page}: hardly any Chinese ({len(CJK.findall(words))} characters)")
    assert not failures, "\n".join(failures)


def test_chinese_labs_are_current_and_share_every_code_cell(tmp_path):
    for lab in ENGLISH_LABS:
        shutil.copy(lab, tmp_path / lab.name)
    (tmp_path / "tests").mkdir()
    written = write_translated_labs(tmp_path, ROOT)
    assert len(written) == len(ENGLISH_LABS) == 12
    stale = [p.name for p in written if not filecmp.cmp(p, CHINESE / p.name, shallow=False)]
    assert not stale, f"labs/{LABS_FOLDER} is out of date ({stale}): run make labs"
    assert sorted(p.name for p in CHINESE.glob("*.ipynb")) == sorted(p.name for p in ENGLISH_LABS)
    assert (CHINESE / "tests").resolve() == (ROOT / "labs" / "tests").resolve()
    for lab in ENGLISH_LABS:
        english = nbformat.read(lab, as_version=4)
        chinese = nbformat.read(CHINESE / lab.name, as_version=4)
        assert [(c.cell_type, c.get("id")) for c in chinese.cells] == [
            (c.cell_type, c.get("id")) for c in english.cells]
        for ours, theirs in zip(english.cells, chinese.cells):
            if ours.cell_type == "code":
                assert ours.source == theirs.source, f"{lab.name}: a code cell differs"
            else:
                assert CJK.search(theirs.source), f"{lab.name}: untranslated cell {ours.source[:80]!r}"


def test_a_lab_without_its_translation_is_an_error(tmp_path):
    from trainwell.translation import TranslationError

    nb = nbformat.read(ENGLISH_LABS[0], as_version=4)
    nb.cells.append(nbformat.v4.new_markdown_cell("A sentence no catalog holds."))
    catalog = catalog_dir(ROOT) / "labs" / f"{ENGLISH_LABS[0].stem}.po"
    with pytest.raises(TranslationError, match="A sentence no catalog holds"):
        translated_lab(nb, catalog)


def test_a_chinese_lab_checks_its_answers_in_jupyter(tmp_path):
    """Solved, the Chinese lab runs in a kernel from its own folder and every ``grader.check``
    passes, as in the English lab."""
    from nbclient import NotebookClient

    lab = "02-vanishing-exploding-pytorch"
    nb = nbformat.reads(json.dumps(solved(lab, f"labs/{LABS_FOLDER}")), as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(CHINESE)}}).execute()
    checks = [c for c in nb.cells if c.cell_type == "code" and c.source.startswith("grader.check(")]
    assert len(checks) >= 4
    for cell in checks:
        shown = "".join(o.get("text", "") or json.dumps(o.get("data", {})) for o in cell.outputs)
        assert "All test cases passed" in shown, (cell.source, shown[:500])
