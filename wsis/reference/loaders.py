"""Loaders for official reference files: read and validate everything first, then write all or nothing."""

import csv
import datetime as dt
import re
from pathlib import Path

import yaml
from django.db import transaction

from wsis.accounts import permissions
from wsis.core.audit import audit
from wsis.core.errors import ErrorItem, PermissionDenied, ValidationFailed
from wsis.reference import models as m
from wsis.reference.data import sdg_codes
from wsis.reference.selectors import code_key
from wsis.reference.upsert import Tally, upsert

# Folder names used by the open-sdg translations layout for the six languages.
OPEN_SDG_DIRS = {"en": "en", "fr": "fr", "es": "es", "ru": "ru", "ar": "ar", "zh-hans": "zh-Hans"}
GOAL_KEY = re.compile(r"^(\d{1,2})-(title|short)$")
TARGET_KEY = re.compile(r"^(\d{1,2})-([0-9]{1,2}|[a-z])-title$")
INDICATOR_KEY = re.compile(r"^(\d{1,2})-([0-9]{1,2}|[a-z])-([0-9]{1,2})-title$")


class _Key(str):
    line: int = 0


class _LineLoader(yaml.SafeLoader):
    """A YAML loader that keeps each key's line and refuses duplicate keys (PyYAML keeps the last silently)."""


def _construct_mapping(loader, node, deep=False):
    out = {}
    for key_node, value_node in node.value:
        key = _Key(loader.construct_object(key_node, deep=deep))
        key.line = key_node.start_mark.line + 1
        if key in out:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r} (first on line {next(k for k in out if k == key).line})",
                key_node.start_mark,
            )
        out[key] = loader.construct_object(value_node, deep=deep)
    return out


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _read_yaml(path: Path, errors: list[ErrorItem]) -> dict:
    try:
        with path.open(encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except FileNotFoundError:
        errors.append(ErrorItem("missing_file", "file not found", location=str(path)))
        return {}
    except UnicodeDecodeError as exc:
        errors.append(ErrorItem("encoding", f"not UTF-8 ({exc.reason} at byte {exc.start})", location=str(path)))
        return {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        problem = getattr(exc, "problem", None) or str(exc)
        errors.append(ErrorItem("malformed", f"malformed YAML: {problem}", location=where))
        return {}
    if data is None:
        data = {}
    if not isinstance(data, dict):
        errors.append(ErrorItem("malformed", "expected a mapping of keys to texts", location=str(path)))
        return {}
    return data


def parse_sdg_texts(root: Path, reused_ok: tuple[str, ...] = ()) -> tuple[dict, list[str], list[str]]:
    """Read the open-sdg layout under `root`.

    Returns ({kind: {code: {lang: {field: text}}}}, legacy codes, skipped codes). Texts of codes that a
    framework review re-used for a new indicator are skipped unless listed in `reused_ok`
    (for a source known to carry the new texts).
    """
    errors: list[ErrorItem] = []
    root = Path(root)
    if not root.is_dir():
        raise ValidationFailed([ErrorItem("missing_file", "not a folder", location=str(root))])
    goals = set(range(1, sdg_codes.GOAL_COUNT + 1))
    targets = {code for codes in [_target_codes()] for code in codes}
    current = {code for codes in sdg_codes.INDICATORS.values() for code in codes}
    texts = {"goal": {}, "target": {}, "indicator": {}}
    legacy: set[str] = set()
    reused = set(getattr(sdg_codes, "REUSED_CODES", {})) - set(reused_ok)
    skipped: set[str] = set()
    for lang, folder in OPEN_SDG_DIRS.items():
        d = root / folder
        if not d.is_dir():
            errors.append(ErrorItem("missing_language", f"no folder for language {lang} (expected {folder}/)", location=str(d)))
            continue
        for kind, filename, pattern in (
            ("goal", "global_goals.yml", GOAL_KEY),
            ("target", "global_targets.yml", TARGET_KEY),
            ("indicator", "global_indicators.yml", INDICATOR_KEY),
        ):
            path = d / filename
            data = _read_yaml(path, errors)
            for key, value in data.items():
                line = getattr(key, "line", 0)
                where = f"{path}:{line}"
                match = pattern.match(str(key))
                if not match:
                    errors.append(ErrorItem("unknown_code", f"unrecognised key {key!r}", field="key", location=where))
                    continue
                if not isinstance(value, str) or not value.strip():
                    errors.append(ErrorItem("empty", f"empty text for {key}", field=str(key), location=where))
                    continue
                parts = match.groups()
                if int(parts[0]) not in goals:
                    errors.append(ErrorItem("unknown_code", f"unknown SDG goal {parts[0]} in {key}", field="key", location=where))
                    continue
                text = " ".join(value.split())
                if kind == "goal":
                    field = "title" if parts[1] == "title" else "short"
                    texts["goal"].setdefault(int(parts[0]), {}).setdefault(lang, {})[field] = text
                    continue
                target = f"{parts[0]}.{parts[1]}"
                if target not in targets:
                    errors.append(ErrorItem("unknown_code", f"unknown SDG target {target} in {key}", field="key", location=where))
                    continue
                if kind == "target":
                    texts["target"].setdefault(target, {})[lang] = {"title": text}
                else:
                    code = f"{target}.{parts[2]}"
                    if code in reused:
                        # The code now names a different indicator than this text describes.
                        skipped.add(code)
                        continue
                    if code not in current:
                        legacy.add(code)
                    texts["indicator"].setdefault(code, {})[lang] = {"title": text}
    if errors:
        raise ValidationFailed(errors, message=f"{len(errors)} problem(s) in {root}; nothing was written")
    return texts, sorted(legacy, key=code_key), sorted(skipped, key=code_key)



def _target_codes():
    from wsis.reference.services import target_codes

    return [code for _g, code, _o in target_codes()]


def load_sdg_texts(*, actor, root: Path, source: str = "open-sdg translations", reused_ok: tuple[str, ...] = ()) -> dict:
    if not permissions.can_reference_load(actor) and not isinstance(actor, str):
        raise PermissionDenied("Only BDT administrators may load reference data.")
    if not m.SdgTarget.objects.exists():
        raise ValidationFailed([ErrorItem("not_initialised", "load the reference frameworks first: wsis init")])
    texts, legacy, skipped = parse_sdg_texts(root, reused_ok)
    tally = Tally()
    with transaction.atomic():
        goals = {g.number: g for g in m.SdgGoal.objects.all()}
        for number, by_lang in texts["goal"].items():
            for lang, fields in by_lang.items():
                values = {"source": source, "verified": True}
                if fields.get("short"):
                    values["short"] = fields["short"]
                if fields.get("title"):
                    values["title"] = fields["title"]
                existing = m.SdgGoalTranslation.objects.filter(goal=goals[number], language=lang).first()
                if existing is None and "short" not in values:
                    values["short"] = values.get("title", "")[:200]
                upsert(m.SdgGoalTranslation, {"goal": goals[number], "language": lang}, values, tally)
        targets = {t.code: t for t in m.SdgTarget.objects.all()}
        for code, by_lang in texts["target"].items():
            for lang, fields in by_lang.items():
                upsert(m.SdgTargetTranslation, {"target": targets[code], "language": lang},
                       {**fields, "source": source, "verified": True}, tally)
        indicators = {i.code: i for i in m.SdgIndicator.objects.all()}
        for code in legacy:
            if code not in indicators:
                target = targets[code.rsplit(".", 1)[0]]
                indicators[code] = m.SdgIndicator.objects.create(
                    code=code, target=target, order=100 + int(code.rsplit(".", 1)[1]), status=m.IndicatorStatus.LEGACY)
                tally["created"] += 1
        for code, by_lang in texts["indicator"].items():
            for lang, fields in by_lang.items():
                upsert(m.SdgIndicatorTranslation, {"indicator": indicators[code], "language": lang},
                       {**fields, "source": source, "verified": True}, tally)
        if tally.changed():
            audit(actor=actor, verb="sdg_text.load", target=("reference", "sdg-texts", str(root)),
                  after={**tally, "legacy": legacy})
    return {"tally": dict(tally), "legacy": legacy, "skipped": skipped}


def _read_csv(path: Path, required: list[str], errors: list[ErrorItem]) -> list[tuple[int, dict]]:
    try:
        with Path(path).open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            header = reader.fieldnames or []
            missing = [c for c in required if c not in header]
            if missing:
                errors.append(ErrorItem("missing_column", f"missing column(s): {', '.join(missing)}", location=f"{path}:1"))
                return []
            return [(i, row) for i, row in enumerate(reader, start=2)]
    except FileNotFoundError:
        errors.append(ErrorItem("missing_file", "file not found", location=str(path)))
    except UnicodeDecodeError as exc:
        errors.append(ErrorItem("encoding", f"not UTF-8 ({exc.reason})", location=str(path)))
    except csv.Error as exc:
        errors.append(ErrorItem("malformed", f"malformed CSV: {exc}", location=str(path)))
    return []


WB_INCOME = {
    "Low income": "WB-LIC",
    "Lower middle income": "WB-LMC",
    "Upper middle income": "WB-UMC",
    "High income": "WB-HIC",
}


def load_wb_income(*, actor, path: Path, valid_from: dt.date, skip_unknown: bool = False) -> dict:
    """World Bank income groups from the WDI country metadata CSV (`Country Code`, `Region`, `IncomeGroup`).

    Rows with an empty Region are World Bank aggregates and are skipped. A new classification
    closes the economy's previous income membership the day the new one starts.
    """
    if not permissions.can_reference_load(actor) and not isinstance(actor, str):
        raise PermissionDenied("Only BDT administrators may load reference data.")
    errors: list[ErrorItem] = []
    rows = _read_csv(path, ["Country Code", "Region", "IncomeGroup"], errors)
    economies = {e.iso3: e for e in m.Economy.objects.all()}
    wanted, unknown, seen = {}, [], {}
    for line, row in rows:
        code = (row.get("Country Code") or "").strip()
        if not (row.get("Region") or "").strip():
            continue
        group = (row.get("IncomeGroup") or "").strip()
        where = f"{path}:{line}"
        if code in seen:
            errors.append(ErrorItem("duplicate", f"{code} also on line {seen[code]}", field="Country Code", location=where))
            continue
        seen[code] = line
        if group not in WB_INCOME:
            if group:
                errors.append(ErrorItem("invalid_choice", f"unknown income group {group!r}", field="IncomeGroup", location=where))
            continue
        if code not in economies:
            if skip_unknown:
                unknown.append(code)
            else:
                errors.append(ErrorItem("unknown_code", f"unknown economy code {code!r} (use --skip-unknown to skip)", field="Country Code", location=where))
            continue
        wanted[code] = WB_INCOME[group]
    if not rows and not errors:
        errors.append(ErrorItem("empty", "no rows", location=str(path)))
    if errors:
        raise ValidationFailed(errors, message=f"{len(errors)} problem(s) in {path}; nothing was written")
    tally = Tally()
    with transaction.atomic():
        source = upsert(m.ReferenceSource, {"code": "wb-income"},
                        {"title": "World Bank income classification", "url": "https://datahelpdesk.worldbank.org/knowledgebase/articles/906519",
                         "version": f"from {valid_from.isoformat()}"}, tally)
        groups = {g.code: g for g in m.Group.objects.filter(kind=m.GroupKind.INCOME)}
        current = {ms.economy_id: ms for ms in m.Membership.objects.filter(group__kind=m.GroupKind.INCOME, valid_to__isnull=True)}
        for code, group_code in sorted(wanted.items()):
            eco = economies[code]
            open_ms = current.get(eco.pk)
            if open_ms is not None and open_ms.group_id == groups[group_code].pk:
                tally["unchanged"] += 1
                continue
            if open_ms is not None:
                if open_ms.valid_from and open_ms.valid_from >= valid_from:
                    raise ValidationFailed([ErrorItem("invalid", f"{code} already has a classification from {open_ms.valid_from}; load classifications in date order", location=str(path))])
                open_ms.valid_to = valid_from
                open_ms.save(update_fields=["valid_to"])
                tally["updated"] += 1
            m.Membership.objects.create(group=groups[group_code], economy=eco, valid_from=valid_from, source=source)
            tally["created"] += 1
        if tally.changed():
            audit(actor=actor, verb="income_group.load", target=("reference", "wb-income", str(path)),
                  after={**tally, "valid_from": valid_from.isoformat()})
    return {"tally": dict(tally), "skipped": unknown}


def load_itu_codes(*, actor, path: Path, iso3_column: str = "ISO3166-1-Alpha-3", itu_column: str = "ITU") -> dict:
    """ITU's own country codes (e.g. DZA → ALG) from a CSV with an ISO alpha-3 column and an ITU column."""
    if not permissions.can_reference_load(actor) and not isinstance(actor, str):
        raise PermissionDenied("Only BDT administrators may load reference data.")
    errors: list[ErrorItem] = []
    rows = _read_csv(path, [iso3_column, itu_column], errors)
    economies = {e.iso3: e for e in m.Economy.objects.all()}
    wanted, seen_iso = {}, {}
    for line, row in rows:
        where = f"{path}:{line}"
        iso3 = (row.get(iso3_column) or "").strip()
        # Blank cells are sometimes a non-breaking space in published files.
        itu = (row.get(itu_column) or "").replace("\xa0", " ").strip()
        if not iso3 or not itu:
            continue
        if iso3 not in economies:
            errors.append(ErrorItem("unknown_code", f"unknown ISO alpha-3 code {iso3!r}", field=iso3_column, location=where))
            continue
        if not re.fullmatch(r"[A-Z]{1,3}", itu):
            errors.append(ErrorItem("invalid", f"ITU code {itu!r} is not 1–3 capital letters", field=itu_column, location=where))
            continue
        # Territories may share their administering State's ITU code, so only ISO codes must be unique.
        if iso3 in seen_iso:
            errors.append(ErrorItem("duplicate", f"{iso3} also on line {seen_iso[iso3]}", field=iso3_column, location=where))
            continue
        seen_iso[iso3] = line
        wanted[iso3] = itu
    if errors:
        raise ValidationFailed(errors, message=f"{len(errors)} problem(s) in {path}; nothing was written")
    tally = Tally()
    with transaction.atomic():
        for iso3, itu in wanted.items():
            upsert(m.Economy, {"iso3": iso3}, {"itu_code": itu}, tally)
        if tally.changed():
            audit(actor=actor, verb="itu_code.load", target=("reference", "itu-codes", str(path)), after=dict(tally))
    return {"tally": dict(tally)}
