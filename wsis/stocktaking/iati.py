"""IATI XML for the registry: read activity and organisation files of versions 1.00–2.03, write 2.03."""

import codecs
import re
from collections import Counter, defaultdict
from datetime import UTC, date, datetime
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET
from xml.parsers import expat

import pycountry
from defusedxml.ElementTree import DefusedXMLParser, ParseError
from django.conf import settings

from wsis.core.errors import ErrorItem, Problems, ValidationFailed, problem_count
from wsis.stocktaking.schema import LANGUAGES

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DEFAULT_MAX_BYTES = 50_000_000

# IATI OrganisationType codes. 11 and 71–73 were added after the 1.x lists and mean the same families.
ORG_TYPE_KINDS = {
    "10": "member_state", "11": "member_state", "15": "member_state",
    "21": "civil_society", "22": "civil_society", "23": "civil_society", "24": "civil_society",
    "30": "private_sector", "40": "international_org", "60": "civil_society",
    "70": "private_sector", "71": "private_sector", "72": "private_sector", "73": "private_sector",
    "80": "academia", "90": "",
}
KIND_ORG_TYPES = {
    "member_state": "10", "civil_society": "21", "private_sector": "70", "sector_member": "70",
    "international_org": "40", "un_agency": "40", "financial_institution": "40",
    "bdt_unit": "40", "regional_office": "40", "academia": "80", "associate": "90",
}

# 2.x role codes and 1.x role words. "accountable" is resolved against the reporting organisation.
PARTICIPATING_ROLES = {
    "1": "funding", "funding": "funding",
    "2": "accountable", "accountable": "accountable",
    "3": "implementing", "extending": "implementing",
    "4": "implementing", "implementing": "implementing",
}
PARTNER_ROLE_CODES = {"lead": "2", "implementing": "4", "funding": "1", "beneficiary": "4"}

ACTIVITY_STATUSES = {"1": "planned", "2": "ongoing", "3": "ongoing", "4": "completed", "5": "cancelled", "6": "ongoing"}
# Names used as text by 1.x publishers, mapped to the 2.x codes.
STATUS_WORDS = {
    "pipeline": "1", "pipeline/identification": "1", "identification": "1",
    "implementation": "2", "completion": "3", "finalisation": "3",
    "post-completion": "4", "closed": "4", "cancelled": "5", "suspended": "6",
}
STATUS_CODES = {"planned": "1", "ongoing": "2", "completed": "4", "cancelled": "5"}

# (start or end, rank): actual dates (rank 0) win over planned ones (rank 1).
DATE_TYPES = {
    "1": ("start", 1), "start-planned": ("start", 1),
    "2": ("start", 0), "start-actual": ("start", 0),
    "3": ("end", 1), "end-planned": ("end", 1),
    "4": ("end", 0), "end-actual": ("end", 0),
}

# DAC 5-digit purpose codes of the communications sector (220) and the WSIS action lines they evidence.
DAC_ACTION_LINES = {"22010": "C6", "22020": "C2", "22030": "C9", "22040": "C2"}
ACTION_LINE_DAC = {"C2": "22020", "C6": "22010", "C9": "22030"}
DAC_OTHER_ICT = "22040"
DAC_VOCABULARIES = {"", "1", "DAC"}

SCOPE_CODES = {"global": "1", "regional": "2", "inter_regional": "3", "national": "4"}

LANGUAGE_ALIASES = {
    "en": "en", "eng": "en", "fr": "fr", "fra": "fr", "fre": "fr", "es": "es", "spa": "es",
    "ru": "ru", "rus": "ru", "ar": "ar", "ara": "ar",
    "zh": "zh-hans", "zho": "zh-hans", "chi": "zh-hans", "zh-cn": "zh-hans", "zh-sg": "zh-hans",
    "zh-hans": "zh-hans",
}

SDG_TARGET = re.compile(r"^(\d{1,2})\.(\d{1,2}|[a-z])$")
SDG_INDICATOR = re.compile(r"^(\d{1,2})\.(\d{1,2}|[a-z])\.(\d{1,2})$")
SDG_GOAL = re.compile(r"^\d{1,2}$")
ENCODING_DECL = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
ILLEGAL_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
SUMMARY_LENGTH = 300
CENT = Decimal("0.01")
# The same rule the registry applies to contact addresses.
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class _Refused(Exception):
    def __init__(self, message: str, line: int, code: str = "forbidden_xml"):
        super().__init__(message)
        self.line = line
        self.code = code


class _Parser(DefusedXMLParser):
    """Defused expat parser that notes the line of each record element and names what it refuses."""

    def __init__(self, record_tag: str):
        super().__init__(target=ET.TreeBuilder(), forbid_dtd=True, forbid_entities=True, forbid_external=True)
        self.record_tag = record_tag
        self.lines: dict[ET.Element, int] = {}
        # Each element costs a few hundred bytes in the tree: the count bounds memory whatever the file holds.
        self.elements_left = settings.WSIS_MAX_XML_ELEMENTS
        self._dtd_name = ""
        # The DTD is refused at its end, so that entity declarations inside it are named first.
        self.parser.EndDoctypeDeclHandler = self._end_doctype

    def _line(self) -> int:
        return self.parser.CurrentLineNumber

    def _start(self, tag, attr_list):
        self.elements_left -= 1
        if self.elements_left < 0:
            raise _Refused(f"the file has more than {settings.WSIS_MAX_XML_ELEMENTS:,} XML elements "
                           "(WSIS_MAX_XML_ELEMENTS); split it into smaller files", self._line(), "too_large")
        elem = super()._start(tag, attr_list)
        if elem.tag == self.record_tag:
            self.lines[elem] = self._line()
        return elem

    def defused_start_doctype_decl(self, name, sysid, pubid, has_internal_subset):
        self._dtd_name = name

    def _end_doctype(self):
        raise _Refused(f"forbidden: document type declarations (<!DOCTYPE {self._dtd_name}>); IATI files have no DTD",
                       self._line())

    def defused_entity_decl(self, name, is_parameter_entity, value, base, sysid, pubid, notation_name):
        if sysid or pubid:
            raise _Refused(f"forbidden: external entities (entity {name!r} refers to {sysid or pubid!r}); "
                           "a file must not make the reader fetch other files", self._line())
        raise _Refused(f"forbidden: entity declarations (entity {name!r}); entity expansion "
                       "(such as the 'billion laughs' attack) is refused", self._line())

    def defused_unparsed_entity_decl(self, name, base, sysid, pubid, notation_name):
        raise _Refused(f"forbidden: external entities (entity {name!r} refers to {sysid or pubid!r})", self._line())

    def defused_external_entity_ref_handler(self, context, base, sysid, pubid):
        raise _Refused(f"forbidden: external references ({sysid or pubid!r})", self._line())


def _fail(path: Path, code: str, message: str, line: int | None = None):
    location = f"{path.name}:{line}" if line else path.name
    raise ValidationFailed([ErrorItem(code, message, location=location)], message=f"{path.name}: {message}")


def _encoding_problem(data: bytes) -> tuple[str, int | None] | None:
    """Why the bytes cannot be read as the XML they claim to be, or None."""
    head = data[:400]
    bom16 = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    bom32 = head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE))
    # Without a byte-order mark, "<?" in UTF-16 or UTF-32 shows as NUL bytes at every other position.
    nul_pattern = head[1:4:2] == b"\x00\x00" or head[0:4:2] == b"\x00\x00"
    if bom16 or bom32 or nul_pattern:
        width = "UTF-32" if bom32 or b"\x00\x00\x00" in head[:4] else "UTF-16"
        declared = ""
        for codec in ("utf-16-le", "utf-16-be"):
            match = ENCODING_DECL.match(head.decode(codec, "ignore").lstrip("\ufeff").encode("ascii", "ignore"))
            if match:
                declared = f", declared as {match.group(1).decode()}"
                break
        bom = "" if bom16 or bom32 else " without a byte-order mark"
        return (f"wrong encoding: the file is {width}{bom}{declared}; IATI files must be UTF-8, "
                "save it again as UTF-8"), None
    body = data[3:] if data.startswith(codecs.BOM_UTF8) else data
    match = ENCODING_DECL.match(body)
    declared = match.group(1).decode().lower() if match else ""
    if declared and declared not in ("utf-8", "utf8"):
        try:
            codecs.lookup(declared)
        except LookupError:
            return f"wrong encoding: the declared encoding {declared!r} is unknown; save the file as UTF-8", 1
        return None
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - data.rfind(b"\n", 0, exc.start)
        claim = "although it declares UTF-8" if declared else "and XML without an encoding declaration means UTF-8"
        try:
            data.decode("cp1252")
            guess = "it looks like Latin-1 / Windows-1252 text"
        except UnicodeDecodeError:
            guess = "the real encoding is unknown"
        return (f"wrong encoding: byte 0x{data[exc.start]:02X} at line {line}, column {column} is not UTF-8 "
                f"{claim}; {guess}. Save the file as UTF-8"), line
    return None


def _load(path: Path, max_bytes: int, record_tag: str) -> tuple[ET.Element, dict]:
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        _fail(path, "missing_file", f"cannot read the file: {exc.strerror}")
    if size > max_bytes:
        _fail(path, "too_large", f"the file has {size:,} bytes, more than the limit of {max_bytes:,}; "
                                      "split it into smaller files")
    with path.open("rb") as fh:
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        _fail(path, "too_large", f"the file has more than {max_bytes:,} bytes; split it into smaller files")
    problem = _encoding_problem(data)
    if problem:
        _fail(path, "encoding", problem[0], problem[1])
    parser = _Parser(record_tag)
    try:
        parser.feed(data)
        root = parser.close()
    except _Refused as exc:
        _fail(path, exc.code, str(exc), exc.line)
    except ParseError as exc:
        line, column = exc.position
        reason = expat.ErrorString(exc.code) if getattr(exc, "code", None) else str(exc)
        _fail(path, "malformed_xml", f"malformed XML at line {line}, column {column + 1}: {reason}", line)
    return root, parser.lines


def map_language(code: str | None) -> str | None:
    """One of the six UN languages of the registry, or None for any other language."""
    code = (code or "").strip().lower().replace("_", "-")
    if not code:
        return None
    if code in LANGUAGE_ALIASES:
        return LANGUAGE_ALIASES[code]
    if code.startswith("zh-hans"):
        return "zh-hans"
    primary = code.split("-")[0]
    # Traditional Chinese (zh-hant, zh-tw, zh-hk) is not the registry's Chinese.
    return None if primary == "zh" else LANGUAGE_ALIASES.get(primary)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _paragraphs(text: str) -> str:
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(lines).strip()


def summary_of(description: str) -> str:
    first = re.split(r"\n\s*\n", description.strip(), maxsplit=1)[0]
    return _one_line(first)[:SUMMARY_LENGTH].rstrip()


def _texts(elem: ET.Element, default_lang: str) -> list[tuple[str, str]]:
    """(raw language, text) pairs: 2.x narratives, or the element's own text in 1.x."""
    narratives = elem.findall("narrative")
    if narratives:
        items = [(n.get(XML_LANG) or default_lang, n.text or "") for n in narratives]
    else:
        items = [(elem.get(XML_LANG) or default_lang, elem.text or "")]
    return [(lang, text.strip()) for lang, text in items if text and text.strip()]


def _pick_text(elem: ET.Element | None, default_lang: str) -> tuple[str, dict[str, str]]:
    """The text in the default language (else the first one) and the texts of the six languages."""
    if elem is None:
        return "", {}
    items = _texts(elem, default_lang)
    names: dict[str, str] = {}
    for raw, text in items:
        lang = map_language(raw)
        if lang:
            names.setdefault(lang, _one_line(text))
    preferred = map_language(default_lang)
    if preferred in names:
        return names[preferred], names
    return (_one_line(items[0][1]) if items else ""), names


def _org(elem: ET.Element, default_lang: str) -> dict:
    name, _names = _pick_text(elem, default_lang)
    identifier = (elem.get("ref") or "").strip()
    kind = ORG_TYPE_KINDS.get((elem.get("type") or "").strip(), "")
    return {"name": name or identifier, "identifier": identifier, "kind": kind}


def _same_org(a: dict, b: dict) -> bool:
    if a["identifier"] and b["identifier"]:
        return a["identifier"].casefold() == b["identifier"].casefold()
    return bool(a["name"]) and a["name"].casefold() == b["name"].casefold()


def _iso_date(elem: ET.Element) -> tuple[str | None, str]:
    """(YYYY-MM-DD or None, the raw value when it is not a date); 1.x files may carry the date only as text."""
    raw = (elem.get("iso-date") or "").strip()
    from_text = not raw
    if from_text:
        raw = (elem.text or "").strip()
    if not raw:
        return None, ""
    try:
        return date.fromisoformat(raw[:10]).isoformat(), ""
    except ValueError:
        return None, "" if from_text else raw


def _sdg_target(code: str, level: str) -> tuple[str | None, bool]:
    """(target code or None, whether the code is acceptable at all) for an SDG target or indicator code."""
    code = code.strip().lower()
    match = (SDG_INDICATOR.match(code) if level == "indicator" else None) or SDG_TARGET.match(code)
    if match:
        goal = int(match.group(1))
        return (f"{goal}.{match.group(2)}", True) if 1 <= goal <= 17 else (None, False)
    # A bare goal number is valid IATI but too coarse to become a target.
    return None, bool(SDG_GOAL.match(code)) and 1 <= int(code) <= 17


def _decimal(text: str) -> Decimal | None:
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _link(url: str) -> str | None:
    url = url.strip().replace(" ", "%20")
    parts = urlsplit(url)
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


class _Reader:
    """Maps one iati-activity element to ActivityData, collecting every problem instead of stopping."""

    def __init__(self, act: ET.Element, location: str, file_lang: str, errors: list, notes: Counter):
        self.act = act
        self.location = location
        self.errors = errors
        self.notes = notes
        self.default_lang = (act.get(XML_LANG) or file_lang or "en").strip()

    def error(self, code: str, message: str, field: str):
        self.errors.append(ErrorItem(code, message, field=field, location=self.location))

    def read(self) -> dict | None:
        before = problem_count(self.errors)
        act = self.act
        external_id = _one_line(act.findtext("iati-identifier") or "")
        if not external_id:
            self.error("required", "the activity has no iati-identifier", "iati-identifier")
        texts, original = self.texts()
        lead = self.lead()
        data = {
            "external_id": external_id or None,
            "kind": "project",
            "original_language": original,
            "texts": texts,
            "lead_organisation": lead,
            "partners": self.partners(lead),
            **self.places(),
            "groups": [],
            **self.classification(),
            "matrix_justification": "",
            "strategic_targets": [],
            "priority": "",
            "status": self.status(),
            **self.dates(),
            "beneficiary_groups": [],
            **self.budget(),
            "links": self.links(),
            **self.contact(),
        }
        return data if problem_count(self.errors) == before else None

    def texts(self) -> tuple[dict, str]:
        titles: dict[str, str] = {}
        general: dict[str, list[str]] = defaultdict(list)
        objectives: dict[str, list[str]] = defaultdict(list)
        other_title_langs: list[str] = []

        def collect(elem, sink, clean, others=None):
            for raw, text in _texts(elem, self.default_lang):
                lang = map_language(raw)
                if lang is None:
                    self.notes[f"text in another language ({raw.strip().lower()}) ignored"] += 1
                    if others is not None:
                        others.append(raw.strip().lower())
                    continue
                sink(lang, clean(text))

        for title in self.act.findall("title"):
            collect(title, lambda lang, text: titles.setdefault(lang, text), _one_line, other_title_langs)
        for desc in self.act.findall("description"):
            kind = (desc.get("type") or "1").strip()
            if kind == "1":
                collect(desc, lambda lang, text: general[lang].append(text), _paragraphs)
            elif kind == "2":
                collect(desc, lambda lang, text: objectives[lang].append(text), _paragraphs)
            else:
                self.notes[f"description type {kind} ignored"] += 1

        texts = {}
        for lang in LANGUAGES:
            description = "\n\n".join(general.get(lang, []) + objectives.get(lang, []))
            if lang in titles or description:
                texts[lang] = {"title": titles.get(lang, ""), "summary": summary_of(description),
                               "description": description}
        default = map_language(self.default_lang)
        if not titles:
            found = ", ".join(sorted(set(other_title_langs)))
            self.error("missing_title", "no title in any of the six UN languages"
                       + (f" (titles only in: {found})" if found else ""), "title")
            return texts, default or "en"
        original = default if default in titles else next(iter(titles))
        return texts, original

    def lead(self) -> dict:
        reporting = self.act.find("reporting-org")
        if reporting is None:
            self.error("required", "the activity has no reporting-org", "reporting-org")
            return {"name": "", "identifier": "", "kind": ""}
        lead = _org(reporting, self.default_lang)
        if not lead["name"]:
            self.error("required", "the reporting-org has neither a name nor a ref", "reporting-org")
        return lead

    def partners(self, lead: dict) -> list[dict]:
        partners: list[dict] = []
        for elem in self.act.findall("participating-org"):
            org = _org(elem, self.default_lang)
            if not org["name"]:
                self.notes["participating-org without name or ref ignored"] += 1
                continue
            raw_role = (elem.get("role") or "").strip().lower()
            role = PARTICIPATING_ROLES.get(raw_role)
            if role is None:
                self.notes[f"participating-org role {raw_role or '(none)'} read as implementing"] += 1
                role = "implementing"
            if role == "accountable":
                role = "lead" if _same_org(org, lead) else "implementing"
            if _same_org(org, lead) or any(_same_org(org, p) for p in partners):
                continue
            partners.append({**org, "role": role})
        return partners

    def _country_elements(self) -> list[ET.Element]:
        # IATI puts countries either on the activity or on every transaction, never both.
        found = self.act.findall("recipient-country")
        return found or self.act.findall("transaction/recipient-country")

    def places(self) -> dict:
        economies: list[str] = []
        has_region = any((r.get("code") or "").strip() for r in self.act.findall("recipient-region"))
        if has_region:
            self.notes["recipient-region ignored (DAC regions are not ITU groups)"] += 1
        for elem in self._country_elements():
            code = (elem.get("code") or "").strip()
            if not code:
                self.notes["recipient-country without code ignored"] += 1
                continue
            if code.isdigit():
                # A DAC region code published in the wrong element.
                self.notes[f"recipient-country with region code {code} read as a region"] += 1
                has_region = True
                continue
            upper = code.upper()
            if len(upper) == 2 and (upper in ("AA", "ZZ") or "QM" <= upper <= "QZ" or upper.startswith("X")):
                # ISO 3166 user-assigned codes (XX "unknown", XK "Kosovo", ...) are no country of the registry.
                self.notes[f"recipient-country {upper} (ISO user-assigned code) ignored"] += 1
                continue
            country = pycountry.countries.get(alpha_2=upper) if len(upper) == 2 else None
            if country is None:
                self.error("unknown_country", f"unknown recipient-country code {code!r}: "
                                              "not an ISO 3166-1 alpha-2 country code", "recipient-country/@code")
                continue
            if country.alpha_3 not in economies:
                economies.append(country.alpha_3)
        if len(economies) == 1:
            scope = "national"
        elif economies or has_region:
            scope = "regional"
        else:
            scope = "global"
        return {"scope": scope, "economies": economies}

    def classification(self) -> dict:
        action_lines: list[str] = []
        targets: list[str] = []

        def add_target(code: str, level: str, field: str):
            target, acceptable = _sdg_target(code, level)
            if target:
                if target not in targets:
                    targets.append(target)
            elif acceptable:
                self.notes["SDG goal-level code ignored"] += 1
            else:
                self.error("invalid_code", f"{code!r} is not an SDG {level} code", field)

        sectors = self.act.findall("sector") or self.act.findall("transaction/sector")
        for elem in sectors:
            vocabulary = (elem.get("vocabulary") or "").strip().upper()
            code = (elem.get("code") or "").strip()
            if vocabulary in DAC_VOCABULARIES:
                line = DAC_ACTION_LINES.get(code)
                if line and line not in action_lines:
                    action_lines.append(line)
            elif vocabulary == "7":
                self.notes["SDG goal-level code ignored"] += 1
            elif vocabulary == "8":
                add_target(code, "target", "sector/@code")
            elif vocabulary == "9":
                add_target(code, "indicator", "sector/@code")
        for elem in self.act.findall("tag"):
            vocabulary = (elem.get("vocabulary") or "").strip()
            if vocabulary == "2":
                self.notes["SDG goal-level code ignored"] += 1
            elif vocabulary == "3":
                add_target(elem.get("code") or "", "target", "tag/@code")
        return {"action_lines": action_lines, "sdg_targets": targets}

    def status(self) -> str:
        elem = self.act.find("activity-status")
        if elem is None:
            self.notes["activity-status missing, read as ongoing"] += 1
            return "ongoing"
        code = (elem.get("code") or "").strip()
        word = (elem.text or "").strip()
        if code not in ACTIVITY_STATUSES:
            code = STATUS_WORDS.get((code or word).lower(), code or word)
        if code not in ACTIVITY_STATUSES:
            self.error("invalid_code", f"unknown activity-status {code or word or '(empty)'!r}; "
                                       "expected a code from 1 to 6", "activity-status/@code")
            return "ongoing"
        return ACTIVITY_STATUSES[code]

    def dates(self) -> dict:
        found: dict[str, list[tuple[int, str]]] = {"start": [], "end": []}
        for elem in self.act.findall("activity-date"):
            kind = DATE_TYPES.get((elem.get("type") or "").strip().lower())
            if kind is None:
                self.notes[f"activity-date type {elem.get('type')!r} ignored"] += 1
                continue
            value, bad = _iso_date(elem)
            if bad:
                self.error("invalid_date", f"activity-date {bad!r} is not a date (YYYY-MM-DD)",
                           "activity-date/@iso-date")
            if value is None:
                continue
            which, rank = kind
            found[which].append((rank, value))
        starts = [v for _r, v in sorted(found["start"])] or [None]
        ends = [v for _r, v in sorted(found["end"])] or [None]
        # Published files mix planned and actual dates; take the best-ranked pair that is in order.
        for start in starts:
            for end in ends:
                if start is None or end is None or end >= start:
                    return {"start_date": start, "end_date": end}
        self.notes["end date before every start date dropped"] += 1
        return {"start_date": starts[0], "end_date": None}

    def budget(self) -> dict:
        default_currency = (self.act.get("default-currency") or "").strip().upper()
        currency = None
        # Per period, a revised budget replaces the original one instead of adding to it.
        periods: dict[object, tuple[bool, Decimal]] = {}
        for index, elem in enumerate(self.act.findall("budget")):
            value = elem.find("value")
            if value is None or not (value.text or "").strip():
                continue
            amount = _decimal(value.text)
            if amount is None:
                self.error("invalid_amount", f"budget value {value.text.strip()!r} is not a number", "budget/value")
                continue
            this_currency = (value.get("currency") or "").strip().upper() or default_currency
            if currency is None:
                currency = this_currency
            if this_currency != currency:
                self.notes[f"budget in a second currency ({this_currency}) ignored"] += 1
                continue
            start, end = (_iso_date(p)[0] if p is not None else None
                          for p in (elem.find("period-start"), elem.find("period-end")))
            key = (start, end) if start or end else index
            revised = (elem.get("type") or "").strip().lower() in ("2", "revised")
            if key in periods and periods[key][0] and not revised:
                continue
            periods[key] = (revised, amount)
        if not periods:
            return {"budget_amount": None, "budget_currency": ""}
        total = sum((amount for _revised, amount in periods.values()), Decimal(0))
        # The registry keeps budgets to the cent.
        total = total.quantize(CENT, rounding=ROUND_HALF_UP)
        return {"budget_amount": format(total, "f"), "budget_currency": currency or ""}

    def links(self) -> list[str]:
        links: list[str] = []
        for elem in self.act.findall("document-link"):
            url = _link(elem.get("url") or "")
            if url is None:
                self.notes["document-link that is not an http(s) address ignored"] += 1
            elif url not in links:
                links.append(url)
        return links

    def contact(self) -> dict:
        name = email = ""
        for elem in self.act.findall("contact-info"):
            if not name:
                name = (_pick_text(elem.find("person-name"), self.default_lang)[0]
                        or _pick_text(elem.find("organisation"), self.default_lang)[0])
            if not email:
                email = (elem.findtext("email") or "").strip()
        if email and not EMAIL.match(email):
            # Publishers put web addresses or "NA" here; an address that is not one is dropped.
            self.notes["contact e-mail that is not an address ignored"] += 1
            email = ""
        return {"contact_name": name, "contact_email": email}


def _raise_all(path: Path, errors: list[ErrorItem], what: str):
    raise ValidationFailed(errors, message=f"{path.name}: {problem_count(errors)} problem(s) in the {what}; "
                                           f"first: {errors[0].message}")


def _location(path: Path, tag: str, index: int, line: int | None) -> str:
    if line:
        return f"{path.name}:{line} {tag}[{index}]"
    return f"{path.name}:/{tag}s/{tag}[{index}]"


def parse_iati(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES,
               notes: Counter | None = None) -> list[tuple[str, dict]]:
    """[(location, ActivityData)] for every iati-activity; `notes` counts what was read but left out."""
    path = Path(path)
    notes = notes if notes is not None else Counter()
    root, lines = _load(path, max_bytes, "iati-activity")
    if root.tag == "iati-organisations":
        _fail(path, "organisation_file", "this is an IATI organisation file (root <iati-organisations>), "
                                         "not an activity file; import it as organisations")
    if root.tag != "iati-activities":
        _fail(path, "wrong_root", f"the root element is <{root.tag}>, but an IATI activity file starts "
                                  "with <iati-activities>")
    file_lang = root.get(XML_LANG) or ""
    errors: list[ErrorItem] = Problems()
    seen: dict[str, str] = {}
    out = []
    for index, act in enumerate(root.findall("iati-activity"), 1):
        location = _location(path, "iati-activity", index, lines.get(act))
        data = _Reader(act, location, file_lang, errors, notes).read()
        external_id = data and data["external_id"]
        if external_id in seen:
            errors.append(ErrorItem("duplicate", f"iati-identifier {external_id!r} already used at {seen[external_id]}",
                                    field="iati-identifier", location=location))
            continue
        if data:
            seen[external_id] = location
            out.append((location, data))
    if errors:
        _raise_all(path, errors, "IATI activity file")
    return out


def parse_iati_organisations(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[tuple[str, dict]]:
    """[(location, {"identifier", "name", "names", "kind"})] for every iati-organisation."""
    path = Path(path)
    root, lines = _load(path, max_bytes, "iati-organisation")
    if root.tag == "iati-activities":
        _fail(path, "activity_file", "this is an IATI activity file (root <iati-activities>), "
                                     "not an organisation file")
    if root.tag != "iati-organisations":
        _fail(path, "wrong_root", f"the root element is <{root.tag}>, but an IATI organisation file starts "
                                  "with <iati-organisations>")
    file_lang = root.get(XML_LANG) or ""
    errors: list[ErrorItem] = Problems()
    out = []
    for index, org in enumerate(root.findall("iati-organisation"), 1):
        location = _location(path, "iati-organisation", index, lines.get(org))
        default_lang = (org.get(XML_LANG) or file_lang or "en").strip()
        # 1.x used iati-identifier where 2.x has organisation-identifier.
        identifier = _one_line(org.findtext("organisation-identifier") or org.findtext("iati-identifier") or "")
        reporting = org.find("reporting-org")
        if not identifier and reporting is not None:
            identifier = (reporting.get("ref") or "").strip()
        name, names = _pick_text(org.find("name"), default_lang)
        if not identifier:
            errors.append(ErrorItem("required", "the organisation has no organisation-identifier",
                                    field="organisation-identifier", location=location))
        if not name:
            errors.append(ErrorItem("required", "the organisation has no name", field="name", location=location))
        kind = ORG_TYPE_KINDS.get((reporting.get("type") or "").strip(), "") if reporting is not None else ""
        out.append((location, {"identifier": identifier, "name": name, "names": names, "kind": kind}))
    if errors:
        _raise_all(path, errors, "IATI organisation file")
    return out


# Writing ---------------------------------------------------------------------------------------

def _iati_lang(lang: str) -> str:
    return "zh" if lang == "zh-hans" else lang


def _clean(text: str) -> str:
    return ILLEGAL_XML_CHARS.sub("", text)


def _datetime_text(value: datetime | str) -> str:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _percentages(count: int) -> list[str]:
    """Even shares with two decimals whose sum is exactly 100."""
    if not count:
        return []
    share = (Decimal(100) / count).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    shares = [share] * (count - 1) + [Decimal(100) - share * (count - 1)]
    return [format(s.normalize(), "f") for s in shares]


def _narratives(parent: ET.Element, texts: dict[str, str], default_lang: str):
    order = [default_lang] + [lang for lang in LANGUAGES if lang != default_lang]
    for lang in order:
        text = texts.get(lang)
        if not text:
            continue
        narrative = ET.SubElement(parent, "narrative")
        if lang != default_lang:
            narrative.set(XML_LANG, _iati_lang(lang))
        narrative.text = _clean(text)


def _org_element(parent: ET.Element, tag: str, org: dict, default_lang: str, **attrs) -> ET.Element:
    attrib = {}
    if org.get("identifier"):
        attrib["ref"] = org["identifier"]
    if KIND_ORG_TYPES.get(org.get("kind") or ""):
        attrib["type"] = KIND_ORG_TYPES[org["kind"]]
    attrib.update(attrs)
    elem = ET.SubElement(parent, tag, attrib)
    _narratives(elem, {default_lang: org.get("name") or ""}, default_lang)
    return elem


def _document_format(url: str) -> str:
    suffix = urlsplit(url).path.lower().rsplit(".", 1)[-1] if "." in urlsplit(url).path else ""
    return {
        "pdf": "application/pdf", "doc": "application/msword",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls": "application/vnd.ms-excel",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "odt": "application/vnd.oasis.opendocument.text", "csv": "text/csv",
    }.get(suffix, "text/html")


def _activity_element(data: dict, reporting_org: dict, generated: datetime) -> ET.Element:
    identifier = data.get("external_id") or data.get("identifier")
    if not identifier:
        raise ValueError("an activity to publish needs an external_id or an identifier")
    lang = data.get("original_language") or "en"
    texts = data.get("texts") or {}
    currency = data.get("budget_currency") or ""
    status = data.get("status") or "ongoing"

    attrib = {XML_LANG: _iati_lang(lang)}
    if currency:
        attrib["default-currency"] = currency
    if data.get("last_updated"):
        attrib["last-updated-datetime"] = _datetime_text(data["last_updated"])
    act = ET.Element("iati-activity", attrib)
    ET.SubElement(act, "iati-identifier").text = identifier
    _org_element(act, "reporting-org", reporting_org, lang)

    title = ET.SubElement(act, "title")
    _narratives(title, {code: t.get("title", "") for code, t in texts.items()}, lang)
    descriptions = {code: t.get("description") or t.get("summary") or "" for code, t in texts.items()}
    if not any(descriptions.values()):
        # The schema requires a description; the title is the only text there is.
        descriptions = {code: t.get("title", "") for code, t in texts.items()}
    _narratives(ET.SubElement(act, "description", {"type": "1"}), descriptions, lang)

    lead = data.get("lead_organisation") or {}
    if not (lead.get("name") or lead.get("identifier")):
        lead = reporting_org
    _org_element(act, "participating-org", lead, lang, role=PARTNER_ROLE_CODES["lead"])
    for partner in data.get("partners") or []:
        _org_element(act, "participating-org", partner, lang,
                     role=PARTNER_ROLE_CODES.get(partner.get("role"), "4"))

    ET.SubElement(act, "activity-status", {"code": STATUS_CODES.get(status, "2")})
    if data.get("start_date"):
        start_type = "1" if status == "planned" else "2"
        ET.SubElement(act, "activity-date", {"iso-date": data["start_date"], "type": start_type})
    if data.get("end_date"):
        end_type = "4" if status == "completed" else "3"
        ET.SubElement(act, "activity-date", {"iso-date": data["end_date"], "type": end_type})

    if data.get("contact_name") or data.get("contact_email"):
        contact = ET.SubElement(act, "contact-info", {"type": "1"})
        if data.get("contact_name"):
            _narratives(ET.SubElement(contact, "person-name"), {lang: data["contact_name"]}, lang)
        if data.get("contact_email"):
            ET.SubElement(contact, "email").text = data["contact_email"]

    if data.get("scope") in SCOPE_CODES:
        ET.SubElement(act, "activity-scope", {"code": SCOPE_CODES[data["scope"]]})
    alpha2 = []
    for iso3 in data.get("economies") or []:
        country = pycountry.countries.get(alpha_3=iso3)
        if country and country.alpha_2 not in alpha2:
            alpha2.append(country.alpha_2)
    for code, share in zip(alpha2, _percentages(len(alpha2)), strict=True):
        ET.SubElement(act, "recipient-country", {"code": code, "percentage": share})

    action_lines = data.get("action_lines") or []
    if action_lines:
        category = action_lines[0].split(".")[0]
        ET.SubElement(act, "sector", {"vocabulary": "1", "code": ACTION_LINE_DAC.get(category, DAC_OTHER_ICT),
                                      "percentage": "100"})
    targets = list(dict.fromkeys(data.get("sdg_targets") or []))
    for target, share in zip(targets, _percentages(len(targets)), strict=True):
        ET.SubElement(act, "sector", {"vocabulary": "8", "code": target, "percentage": share})
    for target in targets:
        ET.SubElement(act, "tag", {"vocabulary": "3", "code": target})

    if data.get("budget_amount") not in (None, ""):
        period_start = data.get("start_date") or generated.date().isoformat()
        period_end = max(data.get("end_date") or period_start, period_start)
        budget = ET.SubElement(act, "budget", {"type": "1", "status": "1"})
        ET.SubElement(budget, "period-start", {"iso-date": period_start})
        ET.SubElement(budget, "period-end", {"iso-date": period_end})
        value_attrib = {"currency": currency} if currency else {}
        value_attrib["value-date"] = period_start
        ET.SubElement(budget, "value", value_attrib).text = format(Decimal(str(data["budget_amount"])), "f")

    for url in data.get("links") or []:
        link = ET.SubElement(act, "document-link", {"format": _document_format(url), "url": url})
        _narratives(ET.SubElement(link, "title"), {lang: url}, lang)
        # A12: activity web page, the nearest IATI category for a plain link.
        ET.SubElement(link, "category", {"code": "A12"})
    return act


def build_iati(activities: list[dict], *, reporting_org: dict, generated: datetime | None = None) -> bytes:
    """IATI 2.03 activity XML for the given ActivityData; the same input and `generated` give the same bytes."""
    generated = generated or datetime.now(UTC)
    if generated.tzinfo is None:
        generated = generated.replace(tzinfo=UTC)
    root = ET.Element("iati-activities", {"version": "2.03", "generated-datetime": _datetime_text(generated)})
    for data in activities:
        root.append(_activity_element(data, reporting_org, generated))
    ET.indent(root, space="  ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
