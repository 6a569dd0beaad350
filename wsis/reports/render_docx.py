"""Reports as Word documents: real styles, fields Word fills in, charts as pictures, and traceable sources."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import cairosvg
from babel.dates import format_datetime
from django.utils import translation
from django.utils.translation import gettext as _
from docx import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_DIRECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from lxml import etree

from wsis.core import charts
from wsis.core.i18n import cldr_locale
from wsis.reports import figures, fmt
from wsis.reports.document import Chart, Document, Paragraph, Section, Table

LATIN_FONT = "Noto Sans"
CJK_FONT = "Noto Sans CJK SC"
ARABIC_FONT = "Noto Naskh Arabic"
# Hints for Word on a machine without the Noto fonts: the character set makes it substitute a font that
# has the script, and the alternative name suggests one found on most Windows installations.
FONT_TABLE = [(LATIN_FONT, "", "00", "swiss"), (CJK_FONT, "Microsoft YaHei", "86", "swiss"),
              (ARABIC_FONT, "Arial", "B2", "roman")]

LANG_TAGS = {"en": "en-GB", "fr": "fr-FR", "es": "es-ES", "ru": "ru-RU", "zh-hans": "zh-CN", "ar": "ar-SA"}
NUMERIC = {"int", "decimal", "percent", "usd"}
CHART_WIDTH = Cm(15)
CHART_HEIGHT = Cm(21)
CHART_MIN_WIDTH = Cm(7)
PNG_MAX_PIXELS = 6000
# A line chart drawn narrower than the web's default keeps its numbers near 8 pt once scaled to 15 cm.
LINE_SIZE = {"width": 560, "height": 260}
SWATCH_WIDTH = Cm(0.6)
TOC_FIELD = ' TOC \\o "1-2" \\h \\z \\u '
# The date a zip entry carries; python-docx stamps the current time, which would make every file differ.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
# w:pPr children that must come after w:bidi (ECMA-376 CT_PPrBase order).
AFTER_BIDI = ("w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
              "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
              "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
              "w:pPrChange")
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def render_docx(doc: Document) -> bytes:
    """The report as a .docx file; the same Document gives the same bytes."""
    with translation.override(doc.language):
        return _Writer(doc).render()


class _Field:
    """A Word field written with its current result, which Word recomputes when fields are updated."""

    def __init__(self, instruction: str, result: str, dirty: bool = False):
        self.instruction, self.result, self.dirty = instruction, result, dirty


class _Writer:
    def __init__(self, doc: Document):
        self.doc = doc
        self.rtl = doc.rtl
        self.word = WordDocument()
        self.counts = {"Table": 0, "Figure": 0}
        self.bookmarks = 0
        self.table_text = ""

    def render(self) -> bytes:
        self._setup()
        self._front()
        for section in self.doc.sections:
            self._section(section)
        self._sources()
        self._footer()
        self._properties()
        out = io.BytesIO()
        self.word.save(out)
        return _repack(out.getvalue())

    # ------------------------------------------------------------------------------------------ page setup

    def _setup(self) -> None:
        section = self.word.sections[0]
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.2)
        section.top_margin = section.bottom_margin = Cm(2)
        styles = self.word.styles
        table_text = styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
        # Cells get the style by id: looking a style up by name for every cell is slow on long tables.
        self.table_text = table_text.style_id
        table_text.base_style = styles["Normal"]
        table_text.font.size = Pt(9)
        table_text.paragraph_format.space_after = Pt(0)
        table_text.paragraph_format.line_spacing = 1.0
        note = styles.add_style("Table Note", WD_STYLE_TYPE.PARAGRAPH)
        note.base_style = styles["Normal"]
        note.font.size = Pt(9)
        note.paragraph_format.space_before = Pt(3)
        styles["Caption"].paragraph_format.keep_with_next = True
        styles["Caption"].paragraph_format.space_before = Pt(9)
        self._fonts(styles.element)
        settings = self.word.settings.element
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        compat = settings.find(qn("w:compat"))
        if compat is not None:
            compat.addprevious(update)
        else:
            settings.append(update)
        theme_lang = settings.find(qn("w:themeFontLang"))
        if theme_lang is not None:
            self._lang(theme_lang)
        # The template's thumbnail shows an empty page, not this report; its copy of the styles made for
        # Word 2010 would not carry the fonts and styles set here.
        for rels, reltype in ((self.word.part.package.rels, RT.THUMBNAIL),
                              (self.word.part.rels, STYLES_WITH_EFFECTS)):
            for rid, rel in list(rels.items()):
                if rel.reltype == reltype:
                    rels.pop(rid)

    def _fonts(self, styles) -> None:
        """Explicit fonts for Latin, CJK and Arabic text, and complex-script twins of size, bold and italic."""
        for rfonts in styles.iter(qn("w:rFonts")):
            themed = [a for a in rfonts.attrib if a.endswith(("Theme", "theme"))]
            if not themed and rfonts.getparent().getparent().tag != qn("w:rPrDefault"):
                continue
            for attr in themed:
                del rfonts.attrib[attr]
            rfonts.set(qn("w:ascii"), LATIN_FONT)
            rfonts.set(qn("w:hAnsi"), LATIN_FONT)
            rfonts.set(qn("w:eastAsia"), CJK_FONT)
            rfonts.set(qn("w:cs"), ARABIC_FONT)
        default = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if default is not None:
            lang = default.find(qn("w:lang"))
            if lang is None:
                lang = OxmlElement("w:lang")
                default.append(lang)
            self._lang(lang)
        # Word sizes and weights Arabic text from szCs, bCs and iCs only.
        for rpr in styles.iter(qn("w:rPr")):
            for name, twin in (("w:b", "w:bCs"), ("w:i", "w:iCs"), ("w:sz", "w:szCs")):
                el = rpr.find(qn(name))
                if el is not None and rpr.find(qn(twin)) is None:
                    copy = OxmlElement(twin)
                    if el.get(qn("w:val")) is not None:
                        copy.set(qn("w:val"), el.get(qn("w:val")))
                    el.addnext(copy)

    def _lang(self, el) -> None:
        el.set(qn("w:val"), LANG_TAGS.get(self.doc.language, "en-GB"))
        el.set(qn("w:eastAsia"), "zh-CN")
        el.set(qn("w:bidi"), "ar-SA")

    # ------------------------------------------------------------------------------------------ building blocks

    def _p(self, style: str = "Normal", align: str | None = None):
        p = self.word.add_paragraph(style=style)
        self._direct(p, align)
        return p

    def _direct(self, p, align: str | None = None) -> None:
        """Paragraph direction and alignment; `align` is 'center', 'end' or None for the start."""
        if self.rtl:
            ppr = p._p.get_or_add_pPr()
            if ppr.find(qn("w:bidi")) is None:
                ppr.insert_element_before(OxmlElement("w:bidi"), *AFTER_BIDI)
        if align == "center":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif align == "end":
            # In a w:bidi paragraph Word and LibreOffice read jc 'left'/'right' as start/end of the line,
            # so 'right' is the end in both directions. With no jc a right-to-left paragraph starts on the right.
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    def _run(self, p, text: str = "", *, bold=False, italic=False, superscript=False):
        r = p.add_run(text)
        if bold:
            r.bold = True
            r.font.cs_bold = True
        if italic:
            r.italic = True
            r.font.cs_italic = True
        if superscript:
            r.font.superscript = True
        if self.rtl:
            r.font.rtl = True
        return r

    def _field(self, p, field: _Field) -> None:
        def char(kind):
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            if kind == "begin" and field.dirty:
                el.set(qn("w:dirty"), "true")
            self._run(p)._r.append(el)

        char("begin")
        instr = OxmlElement("w:instrText")
        instr.set(qn("xml:space"), "preserve")
        instr.text = field.instruction
        self._run(p)._r.append(instr)
        char("separate")
        self._run(p, field.result)
        char("end")

    def _fill(self, p, template: str, parts: dict, **style) -> None:
        """Write a translated template whose %(name)s placeholders are text or fields, in the translation's order."""
        pieces = PLACEHOLDER.split(template)
        for i, piece in enumerate(pieces):
            if i % 2 == 0:
                if piece:
                    self._run(p, piece, **style)
            elif isinstance(parts.get(piece), _Field):
                self._field(p, parts[piece])
            else:
                self._run(p, str(parts.get(piece, "")), **style)

    def _ref(self, p, key: str) -> None:
        """A superscript "[S3]" after the text, linked to the source's entry in the Sources section."""
        if not key:
            return
        self._run(p, "\u00a0")
        run = self._run(p, f"[{key}]", superscript=True)
        if self.doc.source(key) is not None:
            link = OxmlElement("w:hyperlink")
            link.set(qn("w:anchor"), _bookmark(key))
            link.set(qn("w:history"), "1")
            p._p.append(link)
            link.append(run._r)

    def _caption(self, label: str, template: str, caption: str, source: str) -> None:
        self.counts[label] += 1
        p = self._p("Caption")
        self._fill(p, template, {"number": _Field(f" SEQ {label} \\* ARABIC ", str(self.counts[label])),
                                 "caption": caption})
        self._ref(p, source)

    def _number(self, n: int) -> str:
        return fmt.value(n, "int", self.doc.language)

    # ------------------------------------------------------------------------------------------ the document

    def _front(self) -> None:
        doc = self.doc
        self._run(self._p("Title"), doc.title)
        if doc.subtitle:
            self._run(self._p("Subtitle"), doc.subtitle)
        line = _("Period: %(period)s, scope: %(scope)s, evaluated as of %(as_of)s, generated %(generated)s") % {
            "period": doc.period, "scope": doc.scope_label,
            "as_of": fmt.value(doc.as_of, "date", doc.language) if doc.as_of else "—",
            "generated": self._generated()}
        self._run(self._p(), line)
        self._run(self._p("TOC Heading"), _("Contents"))
        self._field(self._p(), _Field(TOC_FIELD, _("The table of contents is built when the fields are updated: "
                                                   "in Word, right-click here and choose Update Field (F9); in "
                                                   "LibreOffice, choose Tools > Update > Update All."), dirty=True))

    def _generated(self) -> str:
        when = _parse_time(self.doc.generated_at)
        if when is None:
            return "—"
        return format_datetime(when, format="medium", tzinfo=dt.UTC, locale=cldr_locale(self.doc.language)) + " UTC"

    def _heading(self, text: str, level: int) -> None:
        self._run(self._p(f"Heading {min(max(level, 1), 9)}"), text)

    def _section(self, section: Section) -> None:
        self._heading(section.heading, section.level)
        if not section.blocks:
            self._run(self._p(), section.empty_note or _("No figure is available for this period and scope."),
                      italic=True)
            return
        for block in section.blocks:
            if isinstance(block, Table):
                self._table(block)
            elif isinstance(block, Chart):
                self._chart(block)
            elif isinstance(block, Paragraph):
                p = self._p("List Bullet" if block.kind == "highlight" else "Normal")
                self._run(p, block.text)
                self._ref(p, block.source)

    def _table(self, t: Table) -> None:
        self._caption("Table", _("Table %(number)s: %(caption)s"), t.caption, t.source)
        columns = t.columns
        lang = self.doc.language
        table = self.word.add_table(rows=1 + len(t.rows), cols=max(len(columns), 1))
        table.style = self.word.styles["Table Grid"]
        if self.rtl:
            table.table_direction = WD_TABLE_DIRECTION.RTL
        header = table.rows[0]
        header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        for cell, col in zip(header.cells, columns, strict=False):
            shade = OxmlElement("w:shd")
            for attr, val in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", "DCE6F2")):
                shade.set(qn(attr), val)
            cell._tc.get_or_add_tcPr().append(shade)
            p = cell.paragraphs[0]
            p._p.style = self.table_text
            self._direct(p, self._align(col))
            self._run(p, col.label, bold=True)
        for row, data in zip(table.rows[1:], t.rows, strict=True):
            for cell, col in zip(row.cells, columns, strict=False):
                p = cell.paragraphs[0]
                p._p.style = self.table_text
                self._direct(p, self._align(col))
                self._run(p, fmt.value(data.get(col.key), col.kind, lang))
        if not t.rows:
            self._run(self._p("Table Note"), _("No row for this period and scope."), italic=True)
        if t.note:
            self._run(self._p("Table Note"), t.note)

    def _align(self, col) -> str | None:
        # Digits run left to right in every script, so numbers line up on the right edge in both directions:
        # the end of a left-to-right cell, the start of a right-to-left one.
        return "end" if col.kind in NUMERIC and not self.rtl else None

    def _chart(self, c: Chart) -> None:
        fig = figures.figure(self.doc, c, line_size=LINE_SIZE)
        if fig is None:
            return
        table, series, numbered = fig.table, fig.series, fig.numbered
        columns = {col.key: col for col in table.columns}
        category = columns.get(c.category)
        names = [fmt.value(r.get(c.category), category.kind if category else "text", self.doc.language)
                 for r in table.rows]
        svg = figures.svg(fig, c.caption)
        if isinstance(fig.chart, charts.LineChart):
            swatches = [_line_swatch(item) for item in fig.chart.legend]
        else:
            swatches = [item["swatch"] for item in fig.chart.legend]
        if not svg:
            return
        size = re.search(r'width="(\d+)" height="(\d+)"', svg)
        w, h = (int(size[1]), int(size[2])) if size else (1, 1)
        # A long bar chart is drawn narrower so it fits on a page; past that it would be unreadable,
        # and the table that holds its figures says it all.
        width = min(CHART_WIDTH, int(CHART_HEIGHT * w / h))
        if width < CHART_MIN_WIDTH:
            self._run(self._p("Table Note"), _("The chart of %(caption)s has too many rows to draw; its figures are "
                                               "in the table.") % {"caption": c.caption}, italic=True)
            return
        self._caption("Figure", _("Figure %(number)s: %(caption)s"), c.caption, c.source)
        picture = self._p(align="center")
        picture.paragraph_format.keep_with_next = True
        run = self._run(picture)
        run.add_picture(io.BytesIO(_png(svg, scale=min(3, PNG_MAX_PIXELS / max(w, h)))), width=width)
        for doc_pr in run._r.iter(qn("wp:docPr")):
            doc_pr.set("descr", c.caption)
        legend = self._p("Table Note", align="center")
        for i, (s, swatch) in enumerate(zip(series, swatches, strict=True)):
            if i:
                self._run(legend, "   ")
            self._run(legend).add_picture(io.BytesIO(_png(swatch, scale=4)), width=SWATCH_WIDTH)
            self._run(legend, "\u00a0" + columns[s].label)
        if numbered and names:
            key = self._p("Table Note")
            rows = ", ".join(f"{self._number(i)} = {name}" for i, name in enumerate(names, start=1))
            self._run(key, _("Numbered rows: %(rows)s") % {"rows": rows})

    def _sources(self) -> None:
        self._heading(_("Sources"), 1)
        if not self.doc.sources:
            self._run(self._p(), _("No source."), italic=True)
        for s in self.doc.sources:
            p = self._p()
            p.paragraph_format.keep_together = True
            self.bookmarks += 1
            start = OxmlElement("w:bookmarkStart")
            start.set(qn("w:id"), str(self.bookmarks))
            start.set(qn("w:name"), _bookmark(s.key))
            p._p.append(start)
            self._run(p, f"[{s.key}]", bold=True)
            self._run(p, " " + s.label)
            end = OxmlElement("w:bookmarkEnd")
            end.set(qn("w:id"), str(self.bookmarks))
            p._p.append(end)
            params = ", ".join(f"{k}={_param(v)}" for k, v in s.params.items()) or "—"
            lines = [_("Parameters: %(params)s") % {"params": params},
                     _("Release: %(release)s") % {"release": s.release or "—"}]
            if s.path:
                lines.append(_("Path: %(path)s") % {"path": s.path})
            for line in lines:
                self._run(p).add_break()
                self._run(p, line)

    def _footer(self) -> None:
        section = self.word.sections[0]
        p = section.footer.paragraphs[0]
        self._direct(p, "center")
        self._fill(p, _("Page %(n)s of %(total)s"), {"n": _Field(" PAGE ", "1"), "total": _Field(" NUMPAGES ", "1")})
        if self.rtl:
            # Page-level direction: footers, columns and the gutter follow the Arabic reading order.
            sect = section._sectPr
            bidi = OxmlElement("w:bidi")
            grid = sect.find(qn("w:docGrid"))
            if grid is not None:
                grid.addprevious(bidi)
            else:
                sect.append(bidi)

    def _properties(self) -> None:
        doc = self.doc
        props = self.word.core_properties
        props.title = doc.title[:255]
        props.subject = f"{doc.kind} / {doc.period} / {doc.scope}"[:255]
        props.keywords = "; ".join(f"{k}={_param(v)}" for k, v in doc.params.items())[:255]
        props.category = doc.kind
        props.comments = doc.subtitle[:255]
        props.language = LANG_TAGS.get(doc.language, doc.language)
        props.identifier = doc.fingerprint()
        props.author = props.last_modified_by = "WSIS·SDG Tracker"
        when = _parse_time(doc.generated_at) or _parse_time(doc.as_of) or dt.datetime(2000, 1, 1)
        when = when.astimezone(dt.UTC).replace(tzinfo=None) if when.tzinfo else when
        props.created = props.modified = props.last_printed = when
        props.revision = 1


# ---------------------------------------------------------------------------------------------- helpers

def _bookmark(key: str) -> str:
    return "source_" + re.sub(r"\W", "_", key)


def _param(v) -> str:
    if isinstance(v, list | tuple):
        return ",".join(str(x) for x in v)
    return str(v)


def _parse_time(value: str) -> dt.datetime | None:
    if not value:
        return None
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def _png(svg: str, scale: float) -> bytes:
    return cairosvg.svg2png(bytestring=svg.encode(), scale=scale)


def _line_swatch(item: dict) -> str:
    dash = f' stroke-dasharray="{item["dash"]}"' if item["dash"] else ""
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="22" height="14">'
            f'<line x1="1" x2="21" y1="7" y2="7" stroke="{item["colour"]}" stroke-width="2.2"{dash}/>'
            f'<circle cx="11" cy="7" r="2.6" fill="{item["colour"]}"/></svg>')


def _font_table(xml: bytes) -> bytes:
    root = etree.fromstring(xml)
    known = {f.get(qn("w:name")) for f in root.findall(qn("w:font"))}
    for name, alt, charset, family in FONT_TABLE:
        if name in known:
            continue
        font = etree.SubElement(root, qn("w:font"))
        font.set(qn("w:name"), name)
        for tag, val in (("w:altName", alt), ("w:charset", charset), ("w:family", family), ("w:pitch", "variable")):
            if val:
                etree.SubElement(font, qn(tag)).set(qn("w:val"), val)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _repack(data: bytes) -> bytes:
    """The same package with fixed entry dates (and the font hints), so equal documents give equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for info in source.infolist():
            blob = source.read(info.filename)
            if info.filename == "word/fontTable.xml":
                blob = _font_table(blob)
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 0
            entry.external_attr = 0
            package.writestr(entry, blob)
    return out.getvalue()
