"""The Word renderer, on hand-made documents in English, Chinese and Arabic, read back with python-docx."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import zipfile
from decimal import Decimal

import docx
import pytest
from django.utils import translation
from docx.oxml.ns import qn
from docx.shared import Cm

from wsis.reports import fmt
from wsis.reports.document import Chart, Column, Document, Section, Source, Table
from wsis.reports.render_docx import render_docx
from wsis.reports.tests.samples import BIG, GENERATED, LANGUAGES, TEXTS, make_doc


@pytest.fixture(scope="module")
def rendered() -> dict[str, bytes]:
    return {lang: render_docx(make_doc(lang)) for lang in LANGUAGES}


def reopen(data: bytes):
    return docx.Document(io.BytesIO(data))


def part(data: bytes, name: str) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read(name).decode()


def body_text(word) -> str:
    chunks = [p.text for p in word.paragraphs]
    for table in word.tables:
        chunks += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(chunks)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_real_styles_for_title_headings_and_body(rendered, lang):
    t = TEXTS[lang]
    word = reopen(rendered[lang])
    styled = [(p.style.name, p.text) for p in word.paragraphs]
    assert styled[0] == ("Title", t["title"])
    assert styled[1] == ("Subtitle", t["subtitle"])
    for heading in (t["activities"], t["funding"], t["prizes"]):
        assert ("Heading 1", heading) in styled
    assert ("Heading 2", t["flows"]) in styled
    assert any(style == "Normal" and text.startswith(t["summary"]) for style, text in styled)
    assert any(style == "List Bullet" and text.startswith(t["highlight"]) for style, text in styled)
    sources = _("Sources", lang)
    assert styled.index(("Heading 1", sources)) > styled.index(("Heading 1", t["prizes"]))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_table_has_a_numbered_caption_above_it_and_a_repeating_header(rendered, lang):
    t = TEXTS[lang]
    word = reopen(rendered[lang])
    body = list(word.element.body.iterchildren())
    tables = [i for i, el in enumerate(body) if el.tag == qn("w:tbl")]
    assert len(tables) == 2
    captions = []
    for n, i in enumerate(tables, start=1):
        before = docx.text.paragraph.Paragraph(body[i - 1], word._body)
        assert before.style.name == "Caption"
        instr = "".join(body[i - 1].itertext())
        assert " SEQ Table \\* ARABIC " in instr
        assert str(n) in before.text
        captions.append(before.text)
        tbl = body[i]
        assert tbl.find(f"{qn('w:tblPr')}/{qn('w:tblStyle')}").get(qn("w:val")) == "TableGrid"
        first_row = tbl.find(qn("w:tr"))
        assert first_row.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    assert t["lines"] in captions[0] and captions[0].endswith("[S1]")
    assert t["money"] in captions[1] and captions[1].endswith("[S2]")
    # Word builds a list of tables from the SEQ field: its label is the same whatever the language.
    assert part(rendered[lang], "word/document.xml").count("SEQ Table") == 2


@pytest.mark.parametrize("lang", LANGUAGES)
def test_cells_are_formatted_for_the_language(rendered, lang):
    t = TEXTS[lang]
    word = reopen(rendered[lang])
    lines, money = word.tables
    assert [c.text for c in lines.rows[0].cells] == ["C", t["name"], t["count"], t["share"]]
    assert [c.text for c in lines.rows[1].cells] == [
        "C3", t["rows"][0], fmt.value(BIG, "int", lang), fmt.value(Decimal("61.25"), "percent", lang)]
    assert lines.rows[3].cells[2].text == "—"
    assert money.rows[2].cells[1].text == fmt.value(2750000.5, "usd", lang)
    assert money.rows[1].cells[2].text == fmt.value("2022-06-30", "date", lang)
    text = body_text(word)
    assert t["note"] in text
    assert fmt.value(BIG, "int", lang) in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_toc_page_numbers_and_update_on_open(rendered, lang):
    document = part(rendered[lang], "word/document.xml")
    assert 'TOC \\o "1-2" \\h \\z \\u' in document
    word = reopen(rendered[lang])
    toc_heading = next(p for p in word.paragraphs if p.style.name == "TOC Heading")
    assert toc_heading.text == _("Contents", lang)
    # The TOC comes before the first section.
    assert document.index("TOC \\o") < document.index(TEXTS[lang]["activities"])
    footer = word.sections[0].footer
    xml = footer._element.xml
    assert " PAGE " in xml and " NUMPAGES " in xml
    assert footer.paragraphs[0].text == _("Page %(n)s of %(total)s", lang) % {"n": "1", "total": "1"}
    assert '<w:updateFields w:val="true"/>' in part(rendered[lang], "word/settings.xml")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_charts_are_pictures_with_a_numbered_caption(rendered, lang):
    t = TEXTS[lang]
    word = reopen(rendered[lang])
    charts = [s for s in word.inline_shapes if abs(s.width - Cm(15)) < Cm(0.01)]
    assert len(charts) == 2
    for shape in charts:
        assert shape.height > Cm(2)
    descr = [d.get("descr") for d in word.element.body.iter(qn("wp:docPr")) if d.get("descr")]
    assert descr == [t["lines"], t["money"]]
    figures = [p.text for p in word.paragraphs if p.style.name == "Caption" and "SEQ Figure" in p._p.xml]
    assert len(figures) == 2 and figures[0].endswith("[S1]") and t["lines"] in figures[0]
    images = [p for p in word.part.package.iter_parts() if p.partname.startswith("/word/media/")]
    assert images and all(p.blob.startswith(b"\x89PNG") for p in images)
    # Bars are numbered in the picture; the numbers are spelled out under it, in the table's order.
    text = body_text(word)
    assert "1 = C3" in text and "3 = C5" in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_figure_is_traceable_to_a_listed_source(rendered, lang):
    word = reopen(rendered[lang])
    document = part(rendered[lang], "word/document.xml")
    text = body_text(word)
    for key in ("S1", "S2", "S3"):
        assert f'w:name="source_{key}"' in document
    assert 'w:anchor="source_S1"' in document and 'w:anchor="source_S2"' in document
    assert "[S3] WSIS Prizes: published results" in text
    assert "year=2025, stages=pledge,commitment" in text
    assert "12 flows; exchange rates up to 2025-12-31" in text
    assert "/api/v1/activities?year=2025" in text
    t = TEXTS[lang]
    summary = next(p for p in word.paragraphs if p.text.startswith(t["summary"]))
    assert summary.text.endswith("[S1]")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_empty_section_prints_its_note_in_italics(rendered, lang):
    t = TEXTS[lang]
    word = reopen(rendered[lang])
    note = next(p for p in word.paragraphs if p.text == t["empty"])
    assert all(r.italic for r in note.runs)
    # A section without blocks nor a note of its own still says why it is empty.
    texts = [p.text for p in word.paragraphs]
    after = texts[texts.index(t["funding"]) + 1]
    assert after == _("No figure is available for this period and scope.", lang)


def test_arabic_reads_right_to_left(rendered):
    data = rendered["ar"]
    word = reopen(data)
    body = word.element.body
    paragraphs = list(body.iter(qn("w:p")))
    assert all(p.find(f"{qn('w:pPr')}/{qn('w:bidi')}") is not None for p in paragraphs)
    runs = [r for r in body.iter(qn("w:r"))]
    assert all(r.find(f"{qn('w:rPr')}/{qn('w:rtl')}") is not None for r in runs)
    for tbl in body.iter(qn("w:tbl")):
        assert tbl.find(f"{qn('w:tblPr')}/{qn('w:bidiVisual')}") is not None
    assert body.find(f"{qn('w:sectPr')}/{qn('w:bidi')}") is not None
    # No paragraph is pushed to the end of its line except by an explicit choice: RTL text starts at the right.
    assert 'w:jc w:val="right"' not in part(data, "word/document.xml")
    styles = part(data, "word/styles.xml")
    assert '<w:lang w:val="ar-SA" w:eastAsia="zh-CN" w:bidi="ar-SA"/>' in styles
    text = body_text(word)
    assert TEXTS["ar"]["activities"] in text and TEXTS["ar"]["prizes"] in text


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_left_to_right_documents_have_no_bidi_marks(rendered, lang):
    document = part(rendered[lang], "word/document.xml")
    assert "<w:bidi/>" not in document and "<w:rtl/>" not in document and "bidiVisual" not in document


@pytest.mark.parametrize("lang", LANGUAGES)
def test_fonts_cover_latin_chinese_and_arabic(rendered, lang):
    styles = part(rendered[lang], "word/styles.xml")
    defaults = styles[styles.index("<w:docDefaults>"):styles.index("</w:docDefaults>")]
    assert ('w:ascii="Noto Sans" w:hAnsi="Noto Sans" w:eastAsia="Noto Sans CJK SC" w:cs="Noto Naskh Arabic"'
            in defaults)
    assert "majorHAnsi" not in styles and "minorHAnsi" not in styles
    fonts = part(rendered[lang], "word/fontTable.xml")
    assert 'w:name="Noto Sans CJK SC"' in fonts and 'w:name="Noto Naskh Arabic"' in fonts
    if lang == "zh-hans":
        assert 'w:val="zh-CN"' in defaults


@pytest.mark.parametrize("lang", LANGUAGES)
def test_core_properties_carry_the_parameters(rendered, lang):
    doc = make_doc(lang)
    props = reopen(rendered[lang]).core_properties
    assert props.title == doc.title
    assert props.subject == "cwg / 2025 / world"
    assert "period=2025" in props.keywords and f"lang={lang}" in props.keywords
    assert props.identifier == doc.fingerprint()
    when = dt.datetime(2026, 1, 15, 9, 30, 12)
    assert props.created.replace(tzinfo=None) == when
    assert props.modified.replace(tzinfo=None) == when
    assert props.last_printed.replace(tzinfo=None) == when
    assert props.revision == 1


@pytest.mark.parametrize("lang", LANGUAGES)
def test_same_document_gives_same_bytes(rendered, lang):
    again = render_docx(make_doc(lang))
    assert again == rendered[lang]
    assert {i.date_time for i in zipfile.ZipFile(io.BytesIO(again)).infolist()} == {(1980, 1, 1, 0, 0, 0)}
    later = render_docx(make_doc(lang, generated_at="2026-02-01T10:00:00+00:00"))
    assert later != again
    assert reopen(later).core_properties.created.replace(tzinfo=None) == dt.datetime(2026, 2, 1, 10, 0)


def test_a_period_without_data_gives_a_clear_report():
    doc = Document(kind="sg", title="Nothing", subtitle="", language="en", period=1999, scope="world",
                   scope_label="World", as_of="1999-12-31", params={},
                   sections=[Section("a", "Activities", [], empty_note="No published activity."),
                             Section("b", "Indicators", [
                                 Table("T1", "Empty table", [Column("x", "X", "int")], [], source="S9"),
                                 Chart("C1", "Empty chart", "T1", "x", ["x"]),
                                 Chart("C2", "Chart of a missing table", "T7", "x", ["x"])])])
    data = render_docx(doc)
    word = reopen(data)
    text = body_text(word)
    assert "No published activity." in text
    assert "No row for this period and scope." in text
    assert "No source." in text
    assert "[S9]" in text
    assert not list(word.inline_shapes)
    assert render_docx(doc) == data


def test_a_chart_too_long_for_a_page_is_left_to_its_table():
    rows = [{"name": f"Economy {i}", "n": i} for i in range(400)]
    table = Table("T1", "Activities by economy", [Column("name", "Economy"), Column("n", "Activities", "int")],
                  rows, source="S1")
    doc = Document(kind="cwg", title="Long", subtitle="", language="en", period=2025, scope="world",
                   scope_label="World", as_of="2025-12-31", params={},
                   sections=[Section("a", "Activities", [table, Chart("C1", table.caption, "T1", "name", ["n"])])],
                   sources=[Source("S1", "Registry", {}, "r")], generated_at=GENERATED)
    word = reopen(render_docx(doc))
    assert not list(word.inline_shapes)
    assert "too many rows to draw" in body_text(word)
    assert len(word.tables[0].rows) == 401
    assert word.tables[0].rows[400].cells[1].text == "399"


def _(msgid: str, lang: str) -> str:
    with translation.override(lang):
        return translation.gettext(msgid)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_and_prints_the_arabic_report(rendered, tmp_path):
    source = tmp_path / "report.docx"
    source.write_bytes(rendered["ar"])
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "report.pdf"
    assert pdf.exists()
    if shutil.which("pdftotext") is None:
        return
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    text = re.sub("[\u200e\u200f\u202a-\u202e]", "", text)  # the direction marks pdftotext adds
    assert fmt.value(BIG, "int", "ar") in text
    assert TEXTS["ar"]["activities"] in text and TEXTS["ar"]["prizes"] in text
    assert "S1" in text
