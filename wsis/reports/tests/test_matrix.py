"""Every report type, language and format, from the demo data; the Chinese and Arabic PDF and Word files carry their
headings and figures as text, and their first PDF page is not blank.

Every type is built in every language; the formats rendered are a Latin square over (type, language): each type
meets each language once, each type and each language are rendered in every format, yet 24 files are rendered,
not the full 96 (a few minutes on a small machine). WSIS_FULL_MATRIX=1 renders the full product."""

import html
import io
import os
import shutil
import subprocess

import pytest

from wsis.reports import builder, services
from wsis.reports.fmt import value

pytestmark = pytest.mark.django_db

SCOPES = {"cwg": "world", "sg": "LDC", "regional": "AFR", "economy": "KEN"}
FORMATS = ("html", "pdf", "docx", "xlsx")


def formats_for(kind: str, lang: str) -> tuple[str, ...]:
    """The formats rendered for one type in one language: one, turning with both (see the module's docstring)."""
    if os.environ.get("WSIS_FULL_MATRIX"):
        return FORMATS
    k, n = list(SCOPES).index(kind), builder.LANGUAGES.index(lang)
    return (FORMATS[(k + n) % len(FORMATS)],)


def test_the_formats_cover_every_pair():
    pairs = {(kind, lang, fmt) for kind in SCOPES for lang in builder.LANGUAGES for fmt in formats_for(kind, lang)}
    assert {(k, f) for k, _, f in pairs} == {(k, f) for k in SCOPES for f in FORMATS}
    assert {(lang, f) for _, lang, f in pairs} == {(lang, f) for lang in builder.LANGUAGES for f in FORMATS}
    # The Chinese and Arabic PDF and Word files are read back (text, a page that is not blank).
    for lang in ("zh-hans", "ar"):
        assert {"pdf", "docx"} <= {f for k, la, f in pairs if la == lang}


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def docx_text(data: bytes) -> str:
    from docx import Document as Docx

    d = Docx(io.BytesIO(data))
    parts = [p.text for p in d.paragraphs]
    parts += [c.text for t in d.tables for row in t.rows for c in row.cells]
    return " ".join(parts)


def squash(text: str) -> str:
    return "".join(text.split())


def test_every_type_language_and_format(reference, tmp_path):
    from wsis.site.demo import load_demo

    load_demo(password="x-demo-pass")
    for kind, scope in SCOPES.items():
        for lang in builder.LANGUAGES:
            doc = builder.build(kind, period=2026, scope=scope, language=lang)
            assert doc.sections and doc.sources, (kind, lang)
            figure = next((str(r[c.key]) if c.kind == "text" else value(r[c.key], c.kind, lang)
                           for t in doc.tables() for r in t.rows for c in t.columns
                           if c.kind == "int" and r.get(c.key)), None)
            for fmt in formats_for(kind, lang):
                content = services.render(doc, fmt)
                assert len(content) > 1000, (kind, lang, fmt)
                if fmt == "html":
                    text = content.decode()
                    assert f'dir="{"rtl" if lang == "ar" else "ltr"}"' in text and html.escape(doc.title) in text
                if lang in ("zh-hans", "ar") and fmt in ("pdf", "docx"):
                    text = pdf_text(content) if fmt == "pdf" else docx_text(content)
                    heading = doc.sections[0].heading
                    assert squash(heading) in squash(text), (kind, lang, fmt, heading)
                    if figure:
                        assert squash(figure) in squash(text), (kind, lang, fmt, figure)
                if lang in ("zh-hans", "ar") and fmt == "pdf":
                    assert_first_page_not_blank(content, tmp_path / f"{kind}-{lang}")


def assert_first_page_not_blank(pdf: bytes, stem):
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm (Debian poppler-utils) is not installed")
    src = stem.with_suffix(".pdf")
    src.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "40", "-f", "1", "-l", "1", "-gray", str(src), str(stem)], check=True)
    pgm = next(stem.parent.glob(f"{stem.name}*.pgm")).read_bytes()
    # A binary PGM: header "P5\n<w> <h>\n<max>\n" then one byte per pixel.
    header_end = pgm.index(b"\n", pgm.index(b"\n", pgm.index(b"\n") + 1) + 1) + 1
    pixels = pgm[header_end:]
    dark = sum(1 for p in pixels if p < 128)
    assert dark > len(pixels) * 0.005, f"page 1 of {src.name} looks blank ({dark} dark pixels)"
