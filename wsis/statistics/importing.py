"""One way in for a file of statistics, shared by the command line, the API and the import page: pick the
adapter, read the file, then hand it to `services.import_release` (which validates and writes)."""

from __future__ import annotations

from django.conf import settings

from wsis.core.errors import ErrorItem, ValidationFailed
from wsis.statistics import services


def import_bytes(user, content: bytes, filename: str, *, fmt: str = "auto", options: dict | None = None,
                 skip_unmatched: bool = False, create_indicators: bool = False, progress=None):
    from wsis.statistics.sources import ADAPTERS, detect
    from wsis.statistics.sources.worldbank import indicator_from_filename

    if not services.can_statistics_import(user):
        from wsis.core.errors import PermissionDenied

        raise PermissionDenied("Only ICT statisticians and BDT administrators import statistics.")
    if len(content) > settings.WSIS_MAX_IMPORT_BYTES:
        raise ValidationFailed([ErrorItem("too_large", f"{filename} is larger than {settings.WSIS_MAX_IMPORT_BYTES} "
                                          "bytes.", location=filename)])
    options = {k: v for k, v in (options or {}).items() if v}
    if fmt in ("", "auto"):
        fmt = detect(filename, content[:4096]) or ""
        if not fmt:
            raise ValidationFailed([ErrorItem("unknown_format", f"Cannot tell the format of {filename}; choose one of "
                                              f"{', '.join(ADAPTERS)}.", field="format", location=filename)])
    adapter = ADAPTERS.get(fmt)
    if adapter is None:
        raise ValidationFailed([ErrorItem("unknown_format", f"Unknown format {fmt!r}; use one of "
                                          f"{', '.join(ADAPTERS)}.", field="format")])
    if fmt == "wb-long" and "indicator" not in options:
        guessed = indicator_from_filename(filename)
        if guessed:
            options["indicator"] = guessed
    if fmt == "tidy" and isinstance(options.get("mapping"), str):
        from wsis.statistics.sources.tidy import parse_mapping

        options["mapping"] = parse_mapping(options["mapping"])
    missing = [n for n in adapter.needs if n not in options]
    if missing:
        raise ValidationFailed([ErrorItem("required", f"Format {fmt} needs the option {n}.", field=n)
                                for n in missing])
    allowed = set(adapter.needs) | {"indicator", "area", "mapping"}
    reader_options = {k: v for k, v in options.items() if k in allowed and k in _accepted(adapter)}
    parsed = adapter.read(content, filename, **reader_options)
    stored = {k: (v if isinstance(v, str) else repr(sorted(v.items())) if isinstance(v, dict) else v)
              for k, v in reader_options.items()}
    return services.import_release(actor=user, parsed=parsed, adapter=fmt, filename=filename,
                                   sha256=services.content_hash(content, fmt, stored), options=stored,
                                   allow_unmatched=skip_unmatched, create_indicators=create_indicators,
                                   progress=progress)


def _accepted(adapter) -> set[str]:
    import inspect

    params = inspect.signature(adapter.reader).parameters
    return {name for name, p in params.items() if p.kind == p.KEYWORD_ONLY}
