"""IATI funding transactions as funding flows: read activity files of versions 1.00–2.03, write 2.03."""

import hashlib
import re
from collections import Counter
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree as ET

import pycountry

from wsis.core.errors import ErrorItem, Problems, ValidationFailed, problem_count
from wsis.stocktaking.iati import (
    DEFAULT_MAX_BYTES,
    XML_LANG,
    _clean,
    _datetime_text,
    _decimal,
    _fail,
    _iati_lang,
    _load,
    _narratives,
    _one_line,
    _org,
    _org_element,
    _texts,
    map_language,
)

STAGES = ("pledge", "commitment", "disbursement", "expenditure")
MECHANISMS = (
    "ictdf", "trust_fund", "voluntary_contribution", "in_kind", "blended_finance", "ppp",
    "development_bank_loan", "grant", "regular_budget",
)
WSIS_NS = "urn:wsis-sdg-tracker:iati"
MECHANISM_ATTR = f"{{{WSIS_NS}}}mechanism"

# 2.x TransactionType codes and the 1.x letters that carry money towards an activity.
TYPE_STAGES = {
    "12": "pledge", "13": "pledge",
    "2": "commitment", "11": "commitment", "C": "commitment", "IC": "commitment",
    "3": "disbursement", "1": "disbursement", "D": "disbursement", "IF": "disbursement",
    "4": "expenditure", "E": "expenditure",
}
# Incoming money names its funder; outgoing money and spending default to the reporting organisation.
INCOMING_TYPES = {"1", "11", "13", "IF", "IC"}
# Repayments, interest, equity and guarantees move money but fund no stage of an activity.
SKIPPED_TYPES = {
    "5": "interest", "IR": "interest", "6": "loan repayment", "LR": "loan repayment",
    "7": "reimbursement", "R": "reimbursement", "8": "purchase of equity", "QP": "purchase of equity",
    "9": "sale of equity", "QS": "sale of equity", "10": "credit guarantee", "CG": "credit guarantee",
}
# Some 1.x publishers give only the name of the type as text.
TYPE_WORDS = {
    "incoming funds": "IF", "incoming commitment": "IC", "commitment": "C", "disbursement": "D",
    "expenditure": "E", "interest repayment": "IR", "loan repayment": "LR", "reimbursement": "R",
    "purchase of equity": "QP", "sale of equity": "QS", "credit guarantee": "CG",
    "outgoing pledge": "12", "incoming pledge": "13",
}
EXPORT_TYPES = {"pledge": "13", "commitment": "11", "disbursement": "1", "expenditure": "4"}
LOAN_FINANCE_TYPE = "421"  # IATI FinanceType "Standard loan"
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class _Tags(frozenset):
    """A record tag for `_load` that matches several tags, so activities and transactions both get lines."""

    def __eq__(self, tag):
        return tag in self

    __hash__ = frozenset.__hash__


def _day(raw: str | None) -> str | None:
    raw = (raw or "").strip()[:10]
    if not DAY.match(raw):
        return None
    try:
        return date.fromisoformat(raw).isoformat()
    except ValueError:
        return None


def _relabel(exc: ValidationFailed, name: str, label: str) -> ValidationFailed:
    def swap(text):
        return label + text[len(name):] if text and text.startswith(name) else text
    errors = [replace(e, location=swap(e.location)) for e in exc.errors]
    return ValidationFailed(errors, message=swap(exc.message))


def _type_code(tx: ET.Element) -> str:
    elem = tx.find("transaction-type")
    if elem is None:
        return ""
    raw = (elem.get("code") or elem.text or "").strip()
    code = raw.upper()
    return code if code in TYPE_STAGES or code in SKIPPED_TYPES else TYPE_WORDS.get(raw.lower(), code)


class _Activity:
    """Reads the transactions of one iati-activity, collecting every problem instead of stopping."""

    def __init__(self, act: ET.Element, lang: str, errors: list, notes: Counter):
        self.act, self.lang, self.errors, self.notes = act, lang, errors, notes
        self.identifier = _one_line(act.findtext("iati-identifier") or "")
        self.currency = (act.get("default-currency") or "").strip().upper()
        default_finance = act.find("default-finance-type")
        self.finance_type = (default_finance.get("code") or "") if default_finance is not None else ""

    def error(self, location: str, code: str, message: str, field: str):
        self.errors.append(ErrorItem(code, message, field=field, location=location))

    def flow(self, tx: ET.Element, location: str) -> dict | None:
        code = _type_code(tx)
        stage = TYPE_STAGES.get(code)
        if stage is None:
            self.notes[f"transaction type {code} ({SKIPPED_TYPES.get(code, 'unknown')}) skipped" if code
                       else "transaction without transaction-type skipped"] += 1
            return None
        value = tx.find("value")
        text = (value.text or "").strip() if value is not None else ""
        amount = _decimal(text) if text else None
        if amount == 0:
            self.notes["zero-value transaction skipped"] += 1
            return None
        before = problem_count(self.errors)
        if amount is None:
            self.error(location, "invalid_amount", f"value {text!r} is not a number" if text else
                       "the transaction has no value", "value")
        elif amount < 0:
            self.error(location, "negative_amount", f"negative value {amount:,f} (a correction or "
                       "refund); record it as a positive amount of the right stage", "value")
        value = value if value is not None else ET.Element("value")
        flow = {
            "activity": self.identifier, "stage": stage, "amount": amount,
            "currency": self.currency_of(value, location), "value_date": self.date_of(tx, value, location),
            "funder": self.funder(tx, code, location), "receiver": self.party(tx.find("receiver-org")),
            "mechanism": self.mechanism(tx, location), "reference": "",
            "description": self.description(tx.find("description")),
        }
        if problem_count(self.errors) > before:
            return None
        funder = flow["funder"]
        flow["reference"] = (tx.get("ref") or "").strip() or "iati:" + hashlib.sha1("\x1f".join(
            (self.identifier, code, flow["value_date"], format(amount, "f"), flow["currency"],
             funder["identifier"] or funder["name"])).encode()).hexdigest()[:16]
        return flow

    def currency_of(self, value: ET.Element, location: str) -> str:
        own = (value.get("currency") or "").strip().upper()
        currency = own or self.currency
        field = "value/@currency" if own or not currency else "iati-activity/@default-currency"
        if not currency:
            self.error(location, "missing_currency", "no currency: the value has no @currency and the "
                       "activity no @default-currency", field)
        elif pycountry.currencies.get(alpha_3=currency) is None:
            self.error(location, "unknown_currency", f"unknown currency code {currency!r}", field)
        return currency

    def date_of(self, tx: ET.Element, value: ET.Element, location: str) -> str:
        raw = value.get("value-date")
        field = "value/@value-date"
        if not (raw or "").strip():
            elem = tx.find("transaction-date")
            raw = (elem.get("iso-date") or elem.text) if elem is not None else None
            field = "transaction-date/@iso-date"
        if not (raw or "").strip():
            self.error(location, "missing_date", "no date: neither value/@value-date nor "
                       "transaction-date/@iso-date is given", "transaction-date")
            return ""
        day = _day(raw)
        if day is None:
            self.error(location, "invalid_date", f"{raw.strip()!r} is not a date (YYYY-MM-DD)", field)
        return day or ""

    def party(self, elem: ET.Element | None) -> dict | None:
        org = _org(elem, self.lang) if elem is not None else None
        return org if org and org["name"] else None

    def funder(self, tx: ET.Element, code: str, location: str) -> dict:
        funder = self.party(tx.find("provider-org"))
        if funder is None and code in INCOMING_TYPES:
            self.error(location, "required", "incoming funds need a provider-org naming the funder",
                       "provider-org")
        elif funder is None:
            funder = self.party(self.act.find("reporting-org"))
            if funder is None:
                self.error(location, "required", "no provider-org and no reporting-org to name the funder",
                           "reporting-org")
        return funder or {"name": "", "identifier": "", "kind": ""}

    def mechanism(self, tx: ET.Element, location: str) -> str:
        own = (tx.get(MECHANISM_ATTR) or "").strip()
        if own:
            if own not in MECHANISMS:
                self.error(location, "unknown_mechanism", f"unknown funding mechanism {own!r}; "
                           f"expected one of {', '.join(MECHANISMS)}", "transaction/@wsis:mechanism")
            return own
        finance_type = tx.find("finance-type")
        code = (finance_type.get("code") if finance_type is not None else "") or self.finance_type
        return "development_bank_loan" if code.strip().startswith("4") else ""

    def description(self, elem: ET.Element | None) -> str:
        items = _texts(elem, self.lang) if elem is not None else []
        english = [text for lang, text in items if map_language(lang) == "en"]
        return _one_line((english or [text for _lang, text in items] or [""])[0])


def parse_transactions(path: Path, *, label: str | None = None,
                       max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[list[tuple[str, dict]], Counter]:
    """([(location, FlowData)] in document order, notes counting what was skipped); raises every problem."""
    path = Path(path)
    name = label or path.name
    try:
        root, lines = _load(path, max_bytes, _Tags({"iati-activity", "transaction"}))
        if root.tag != "iati-activities":
            _fail(path, "wrong_root", f"the root element is <{root.tag}>, but an IATI activity file starts "
                                      "with <iati-activities>")
    except ValidationFailed as exc:
        if label:
            raise _relabel(exc, path.name, label) from None
        raise
    file_lang = root.get(XML_LANG) or ""
    errors: list[ErrorItem] = Problems()
    notes: Counter = Counter()
    flows = []
    # Published files often hold a whole activity on one line; the index tells its transactions apart.
    order = {tx: index for index, tx in enumerate(root.findall("iati-activity/transaction"), 1)}
    for index, act in enumerate(root.findall("iati-activity"), 1):
        reader = _Activity(act, (act.get(XML_LANG) or file_lang or "en").strip(), errors, notes)
        if not reader.identifier:
            location = f"{name}:{lines.get(act)} iati-activity[{index}]"
            errors.append(ErrorItem("required", "the activity has no iati-identifier",
                                    field="iati-identifier", location=location))
            continue
        seen: Counter = Counter()
        for tx in act.findall("transaction"):
            location = f"{name}:{lines.get(tx)} transaction[{order[tx]}]"
            flow = reader.flow(tx, location)
            if flow is None:
                continue
            # Publishers reuse a ref (or repeat a whole transaction); a reference must name one flow.
            seen[flow["reference"]] += 1
            if seen[flow["reference"]] > 1:
                notes["repeated transaction reference numbered"] += 1
                flow["reference"] += f"#{seen[flow['reference']]}"
            flows.append((location, flow))
    if errors:
        raise ValidationFailed(errors, message=f"{name}: {problem_count(errors)} problem(s) in the IATI transactions; "
                                               f"first: {errors[0].message}")
    return flows, notes


def _transaction(act: ET.Element, flow: dict, lang: str):
    mechanism = flow.get("mechanism") or ""
    if flow["stage"] not in EXPORT_TYPES or mechanism not in ("", *MECHANISMS):
        raise ValueError(f"cannot write stage {flow['stage']!r} with mechanism {mechanism!r}")
    attrib = {"ref": flow["reference"]} if flow.get("reference") else {}
    if mechanism:
        attrib["wsis:mechanism"] = mechanism
    tx = ET.SubElement(act, "transaction", attrib)
    ET.SubElement(tx, "transaction-type", {"code": EXPORT_TYPES[flow["stage"]]})
    ET.SubElement(tx, "transaction-date", {"iso-date": flow["value_date"]})
    value = {"currency": flow["currency"]} if flow.get("currency") else {}
    value["value-date"] = flow["value_date"]
    ET.SubElement(tx, "value", value).text = format(Decimal(str(flow["amount"])), "f")
    if flow.get("description"):
        _narratives(ET.SubElement(tx, "description"), {lang: flow["description"]}, lang)
    _org_element(tx, "provider-org", flow["funder"], lang)
    if flow.get("receiver"):
        _org_element(tx, "receiver-org", flow["receiver"], lang)
    if mechanism == "development_bank_loan":
        ET.SubElement(tx, "finance-type", {"code": LOAN_FINANCE_TYPE})


def write_transactions(activities: list[dict], *, generated: datetime | None = None) -> bytes:
    """IATI 2.03 activity XML carrying the flows; the same input gives the same bytes."""
    # Declared by hand: the prefix is always `wsis` and ElementTree's global prefix registry stays untouched.
    root = ET.Element("iati-activities", {"version": "2.03", "xmlns:wsis": WSIS_NS})
    if generated is not None:
        root.set("generated-datetime", _datetime_text(generated))
    for data in activities:
        lang = data.get("language") or "en"
        attrib = {XML_LANG: _iati_lang(lang)}
        if data.get("default_currency"):
            attrib["default-currency"] = data["default_currency"]
        act = ET.SubElement(root, "iati-activity", attrib)
        ET.SubElement(act, "iati-identifier").text = _clean(data["identifier"])
        _org_element(act, "reporting-org", data["reporting_org"], lang)
        _narratives(ET.SubElement(act, "title"), {lang: data.get("title") or ""}, lang)
        for flow in data.get("flows") or []:
            _transaction(act, flow, lang)
    ET.indent(root, space="  ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
