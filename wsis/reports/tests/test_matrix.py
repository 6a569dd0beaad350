"""Every report type × the six languages × the four formats, from the demo data; the Chinese and Arabic PDF and
Word files carry their headings and figures as text, and their first PDF page is not blank."""

import html
import io
import shutil
import subprocess

import pytest

from wsis.reports import builder, services
from wsis.reports.fmt import value

pytestmark = pytest.mark.django_db

SCOPES = {"cwg": "world", "sg": "LDC", "regional": "AFR", "economy": "KEN"}


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
            for fmt in ("html", "pdf", "docx", "xlsx"):
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
                if lang in ("zh-hans", "ar") and fmt == "pdf" and kind == "cwg":
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
