"""One read contract per list: its filters, its row schema and the selector that answers it.

The page, its download (`?format=csv|xlsx|json`) and the API route render the same object, so the three can't
drift apart: the JSON download of a page is, byte for byte after parsing, the API's answer for the same filters.

An app declares its lists in `<app>/lists.py`:

    EVENTS = ListContract(
        name="partnerships.events", row=EventRow, params=EventParams, select=selectors.event_rows,
        filename="events", api_path="/api/v1/partnerships/events", page="partners-events",
        examples=[{}, {"region": "AFR"}])

`select(viewer, params, language)` returns a list of dicts (or objects) that `row` validates. The API module
mounts it with `list_route(router, "/events", EVENTS, summary=...)`; the page calls `EVENTS.for_page(request)`,
which answers the download itself when `format` is given and otherwise returns the parameters and rows to
render. `examples` are filters the parity test (wsis/web/tests/test_list_contracts.py) tries on the demo.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from ninja import Query, Schema
from pydantic import ValidationError, create_model

from wsis.core.errors import ErrorItem, ValidationFailed
from wsis.core.schemas import ERRORS, READ_ERRORS, Lang

REGISTRY: dict[str, "ListContract"] = {}


class NoParams(Schema):
    """A list without filters."""


def _viewer(request):
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


def refusal(exc: ValidationError) -> ValidationFailed:
    """Pydantic's complaint about query parameters as the platform's 422, one item per field."""
    return ValidationFailed([
        ErrorItem("invalid", e.get("msg", "invalid value"), field=".".join(str(p) for p in e.get("loc", ())) or None)
        for e in exc.errors()])


@dataclass(eq=False)
class ListContract:
    name: str
    row: type[Schema]
    select: Callable[[Any, Schema, str], Sequence]
    params: type[Schema] = NoParams
    filename: str = ""
    formats: tuple[str, ...] = ("json", "csv", "xlsx")
    api_path: str = ""  # where the API serves it, for the parity test and the docs
    page: str = ""  # the page's URL name (language-prefixed), for the parity test
    page_kwargs: dict = field(default_factory=dict)
    examples: list[dict] = field(default_factory=lambda: [{}])
    auth: bool = False  # the API route needs a signed-in user
    answer: type[Schema] = field(init=False)

    def __post_init__(self):
        self.filename = self.filename or self.name.rsplit(".", 1)[-1]
        self.answer = create_model(f"{self.row.__name__}List", __base__=Schema, count=(int, ...),
                                   results=(list[self.row], ...))
        if self.name in REGISTRY and REGISTRY[self.name] is not self:
            raise RuntimeError(f"two lists are named {self.name}")
        REGISTRY[self.name] = self

    @property
    def columns(self) -> list[str]:
        return list(self.row.model_fields)

    def parse(self, data: dict) -> Schema:
        """Filters from a query dict (a page's GET); a refused value is a 422 naming the field."""
        multi = {name for name, f in self.params.model_fields.items()
                 if getattr(f.annotation, "__origin__", None) is list}
        values = {}
        for key in self.params.model_fields:
            if key not in data:
                continue
            if key in multi:
                values[key] = data.getlist(key) if hasattr(data, "getlist") else data[key]
            else:
                values[key] = data.get(key)
        try:
            return self.params(**values)
        except ValidationError as exc:
            raise refusal(exc) from exc

    def rows(self, viewer, params: Schema, language: str) -> list[dict]:
        """The rows as the API writes them: validated by the row schema, dumped to JSON types."""
        found = self.select(viewer, params, language)
        return [self.row.model_validate(r, from_attributes=True).model_dump(mode="json") for r in found]

    def result(self, viewer, params: Schema, language: str) -> dict:
        rows = self.rows(viewer, params, language)
        return {"count": len(rows), "results": rows}

    def respond(self, viewer, params: Schema, language: str, fmt: str = "json"):
        """The JSON answer, or the same rows as a CSV/XLSX/JSON file."""
        from wsis.core.export import download

        if fmt == "json":
            return self.result(viewer, params, language)
        return download(self.rows(viewer, params, language), self.filename, fmt, self.columns)

    def for_page(self, request, language: str | None = None):
        """(params, rows) for a page, or the download response when `format` is asked for."""
        from django.http import Http404

        from wsis.core.i18n import current_language

        language = language or current_language()
        params = self.parse(request.GET)
        fmt = request.GET.get("format")
        if fmt:
            if fmt not in self.formats:
                raise Http404(f"Unknown format {fmt!r}.")
            from wsis.core.export import download

            return download(self.rows(_viewer(request), params, language), self.filename, fmt, self.columns)
        return params, self.select(_viewer(request), params, language)


def list_route(router, path: str, contract: ListContract, *, summary: str, description: str | None = None,
               **options):
    """Mount a contract on a django-ninja router: filters as query parameters, `lang`, `format`."""
    from wsis.core.apiauth import django_auth
    from wsis.core.i18n import language_param

    Params = contract.params
    Formats = Literal[contract.formats]  # type: ignore[valid-type]

    if Params.model_fields:
        def handler(request, params: Query[Params], lang: Lang = "en", format: Formats = "json"):  # type: ignore[valid-type]
            return contract.respond(_viewer(request), params, language_param(lang), format)
    else:  # ninja requires a query schema with no fields to be sent: a list without filters takes none
        def handler(request, lang: Lang = "en", format: Formats = "json"):  # type: ignore[valid-type]
            return contract.respond(_viewer(request), Params(), language_param(lang), format)

    handler.__name__ = contract.name.replace(".", "_").replace("-", "_")
    handler.__doc__ = description
    if contract.auth:
        options.setdefault("auth", django_auth)
    errors = ERRORS if "auth" in options else READ_ERRORS
    return router.get(path, response={200: contract.answer, **errors}, summary=summary, **options)(handler)


def discover() -> dict[str, ListContract]:
    """Every app's contracts (each `<app>/lists.py`), for the parity test and the docs."""
    import importlib
    import importlib.util

    from django.apps import apps

    for config in apps.get_app_configs():
        if config.name.startswith("wsis.") and importlib.util.find_spec(config.name + ".lists"):
            importlib.import_module(config.name + ".lists")
    return REGISTRY
