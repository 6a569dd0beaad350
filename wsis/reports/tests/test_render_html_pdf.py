"""The HTML and PDF renderers, on hand-made documents in English, Chinese and Arabic."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import unicodedata
from decimal import Decimal
from io import BytesIO

import pytest

from wsis.reports import fmt
from wsis.reports.document import Chart, Column, Document, Section, Table
from wsis.reports.render_html import render_html
from wsis.reports.render_pdf import render_pdf
from wsis.reports.tests.samples import BIG, TEXTS, make_doc


def squash(text: str) -> str:
    """Text with every kind of space removed and compatibility forms folded, to compare extracted PDF text."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s\u00a0\u202f\u200e\u200f\u202a-\u202e\u2066-\u2069]+", "", text)


# ---------------------------------------------------------------------------------------------- HTML

@pytest.mark.parametrize("language,tag,direction", [("en", "en", "ltr"), ("zh-hans", "zh-Hans", "ltr"),
                                                     ("ar", "ar", "rtl")])
def test_html_is_a_complete_document_in_the_language_and_direction(language, tag, direction):
    html = render_html(make_doc(language))
    assert html.startswith("<!DOCTYPE html>")
    assert f'<html lang="{tag}" dir="{direction}"' in html
    assert "<main>" in html and '<header class="report-head">' in html
    assert f"<h1>{TEXTS[language]['title']}</h1>" in html


def test_fonts_put_the_script_of_the_language_first():
    assert 'class="report-page lang-ar"' in render_html(make_doc("ar"))
    assert 'class="report-page lang-zh"' in render_html(make_doc("zh-hans"))
    css = render_html(make_doc("en"))
    assert '.lang-ar { font-family: "Noto Sans Arabic", "Noto Sans", "Noto Sans CJK SC", sans-serif; }' in css
    assert '.lang-zh { font-family: "Noto Sans CJK SC", "Noto Sans", "Noto Sans Arabic", sans-serif; }' in css


@pytest.mark.parametrize("language", ["en", "zh-hans", "ar"])
def test_tables_have_captions_header_scopes_and_formatted_figures(language):
    doc = make_doc(language)
    html = render_html(doc)
    for table in doc.tables():
        assert re.search(rf'<table class="data" id="tbl-{table.key}">\s*<caption>{re.escape(table.caption)}<a class="cite"',
                         html)
    assert '<th scope="col"' in html and '<th scope="row"' in html
    assert f">{fmt.value(BIG, 'int', language)}</td>" in html
    assert f">{fmt.value(Decimal('61.25'), 'percent', language)}</td>" in html
    assert f">{fmt.value(2750000.5, 'usd', language)}</td>" in html
    assert ">—</td>" in html  # a missing figure


def test_every_cited_source_is_linked_and_every_source_listed():
    doc = make_doc("en")
    html = render_html(doc)
    sources = html[html.index('<section id="sources"'):]
    for src in doc.sources:
        assert f'<li id="src-{src.key}">' in sources
        assert src.label in sources and src.release in sources
        for k, v in src.params.items():
            value = ",".join(v) if isinstance(v, list) else str(v)
            assert f"<code dir=\"ltr\">{k}={value}</code>" in sources
        if src.path:
            assert src.path in sources
    body = html[:html.index('<section id="sources"')]
    for key in ("S1", "S2"):
        assert f'href="#src-{key}"' in body and f"[{key}]" in body
    assert body.count('href="#src-S1"') >= 4  # paragraph, caption, chart, highlight


@pytest.mark.parametrize("language", ["en", "ar"])
def test_empty_section_shows_its_note(language):
    html = render_html(make_doc(language))
    prizes = html[html.index('<section id="sec-prizes"'):html.index('<section id="sources"')]
    assert f'<p class="empty"><em>{TEXTS[language]["empty"]}</em></p>' in prizes


def test_each_chart_is_an_inline_svg_followed_by_its_table():
    doc = make_doc("ar")
    html = render_html(doc)
    assert html.count("<figure") == 2
    bars = html.index('id="fig-C-lines"')
    assert html.index('<svg xmlns="http://www.w3.org/2000/svg" class="chart bars"', bars) < html.index(
        'id="tbl-T1"') and bars < html.index('id="tbl-T1"')
    line = html.index('id="fig-C-money"')
    assert line < html.index('<polyline', line) < html.index('id="tbl-T2"')
    # The bars are numbered; the table carries the same numbers beside the names.
    from django.utils import translation
    from django.utils.translation import gettext

    with translation.override("ar"):
        number_label = gettext("No.")
    assert f'<th scope="col" class="num">{number_label}</th>' in html
    # Words stay in the HTML legend, never inside the SVG.
    for svg in re.findall(r'<svg xmlns="http://www.w3.org/2000/svg" class="chart.*?</svg>', html):
        texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
        assert texts and all(re.fullmatch(r"[0-9.,kMG-]+", x) for x in texts)
    assert f"</svg>{TEXTS['ar']['count']}</li>" in html


def test_contents_links_to_each_section():
    doc = make_doc("zh-hans")
    html = render_html(doc)
    toc = html[html.index('<nav class="toc"'):html.index("</nav>")]
    for s in doc.sections:
        assert f'<a href="#sec-{s.key}">{s.heading}</a>' in toc
        assert f'<section id="sec-{s.key}"' in html
    assert html.index("<h1>") < html.index('<nav class="toc"') < html.index('<section id="sec-')


def test_period_scope_and_dates_line():
    html = render_html(make_doc("en"))
    assert ("Period: 2025, scope: World, evaluated as of December 31, 2025, generated January 15, 2026"
            in html)
    assert '<meta name="dcterms.created" content="2026-01-15T09:30:12Z">' in html


def test_html_is_self_contained_and_escaped():
    doc = make_doc("en")
    doc.title = "Report <script>alert(1)</script>"
    html = render_html(doc)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<style>" in html and "@page" in html and "counter(pages)" in html
    assert "<link" not in html and " src=" not in html
    assert not re.findall(r"https?://(?!www\.w3\.org/2000/svg)", html)


def test_fragment_for_embedding_is_the_article_only():
    html = render_html(make_doc("ar"), standalone=False)
    assert html.startswith('<article class="report lang-ar" lang="ar" dir="rtl">')
    assert html.rstrip().endswith("</article>")
    assert "<html" not in html and "<style>" not in html and "<main>" not in html


def test_html_is_deterministic():
    assert render_html(make_doc("zh-hans")) == render_html(make_doc("zh-hans"))


def test_document_round_trip_through_json_renders_the_same():
    doc = make_doc("en")
    # Stored runs come back with Decimal figures as strings; they must print the same.
    assert render_html(Document.from_dict(doc.to_dict())) == render_html(doc)


# ---------------------------------------------------------------------------------------------- PDF

@pytest.fixture(scope="module")
def pdfs():
    return {lang: render_pdf(make_doc(lang)) for lang in ("en", "zh-hans", "ar")}


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(BytesIO(data)).pages)


def pdftotext(data: bytes, tmp_path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def test_pdf_is_a4_with_page_numbers(pdfs):
    from pypdf import PdfReader

    reader = PdfReader(BytesIO(pdfs["en"]))
    box = reader.pages[0].mediabox
    assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (210, 297)
    pages = len(reader.pages)
    assert f"1 / {pages}" in reader.pages[0].extract_text()


def test_pdf_dates_come_from_the_document(pdfs):
    from pypdf import PdfReader

    meta = PdfReader(BytesIO(pdfs["en"])).metadata
    expected = dt.datetime(2026, 1, 15, 9, 30, 12, tzinfo=dt.UTC)
    assert meta.creation_date == expected and meta.modification_date == expected
    assert meta.title.startswith(TEXTS["en"]["title"])


def test_pdf_chinese_text_and_figures(pdfs):
    text = squash(pdf_text(pdfs["zh-hans"]))
    assert squash(TEXTS["zh-hans"]["activities"]) in text
    assert squash(TEXTS["zh-hans"]["empty"]) in text
    assert squash(fmt.value(BIG, "int", "zh-hans")) in text


def test_pdf_arabic_text_and_figures(pdfs, tmp_path):
    # pdftotext puts right-to-left text back in reading order.
    text = squash(pdftotext(pdfs["ar"], tmp_path))
    assert squash(TEXTS["ar"]["activities"]) in text
    assert squash(TEXTS["ar"]["prizes"]) in text
    assert squash(TEXTS["ar"]["empty"].rstrip(".")) in text  # the full stop of an RTL line may move
    assert squash(fmt.value(BIG, "int", "ar")) in text


def dark_share(data: bytes, tmp_path) -> float:
    """The share of dark pixels on page 1, rendered at 50 dpi."""
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    from PIL import Image

    path = tmp_path / "page.pdf"
    path.write_bytes(data)
    subprocess.run(["pdftoppm", "-r", "50", "-f", "1", "-l", "1", "-png", str(path), str(tmp_path / "page")],
                   check=True)
    png = next(tmp_path.glob("page*.png"))
    image = Image.open(png).convert("L")
    histogram = image.histogram()
    return sum(histogram[:128]) / sum(histogram)


@pytest.mark.parametrize("language", ["zh-hans", "ar"])
def test_pdf_first_page_is_not_blank(pdfs, tmp_path, language):
    assert dark_share(pdfs[language], tmp_path) > 0.005


def test_pdf_embeds_the_cjk_and_arabic_fonts(pdfs):
    from pypdf import PdfReader

    def fonts(data):
        names = set()
        for page in PdfReader(BytesIO(data)).pages:
            for font in (page.get("/Resources") or {}).get("/Font", {}).values():
                names.add(str(font.get_object().get("/BaseFont")))
        return " ".join(names)

    assert "CJK" in fonts(pdfs["zh-hans"])
    assert "Arabic" in fonts(pdfs["ar"])


def test_pdf_is_deterministic(pdfs):
    assert render_pdf(make_doc("ar")) == pdfs["ar"]
    assert render_pdf(make_doc("zh-hans")) == pdfs["zh-hans"]
    other = render_pdf(make_doc("ar", generated_at="2026-02-01T00:00:00+00:00"))
    assert other != pdfs["ar"]


def test_a_period_without_data_gives_a_clear_report():
    doc = make_doc("en", generated_at="")
    t = TEXTS["en"]
    doc.sections = [Section("activities", t["activities"], [
        Table("T1", t["lines"], [Column("name", t["name"]), Column("activities", t["count"], "int")], [], "S1"),
        Chart("C-lines", t["lines"], "T1", "name", ["activities"], source="S1"),
        Chart("C-lost", "A chart without its table", "T9", "name", ["activities"])]),
        Section("prizes", t["prizes"], [])]
    html = render_html(doc)
    assert "<figure" not in html  # nothing to draw, and no error
    assert '<td class="none" colspan="2">No figure is available for this period and scope.</td>' in html
    assert '<p class="empty"><em>No figure is available for this period and scope.</em></p>' in html
    assert "dcterms.created" not in html and "generated —" in html
    pdf = render_pdf(doc)
    assert pdf.startswith(b"%PDF") and pdf == render_pdf(doc)


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_bars_are_named_in_the_chart_where_the_script_can_be_drawn(language):
    html = render_html(make_doc(language))
    svg = re.search(r'<svg xmlns="http://www.w3.org/2000/svg" class="chart bars".*?</svg>', html, flags=re.S).group(0)
    assert re.findall(r'class="category">([^<]+)<', svg) == ["C3", "C4", "C5"]
    assert 'id="fig-C-lines-svg"' in svg and html.count('id="fig-C-lines"') == 1
    assert all(re.fullmatch(r"[0-9.,kMG-]+", x) for x in re.findall(r'font-size="12"[^>]*>([^<]*)</text>', svg))
