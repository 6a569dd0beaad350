"""Bounds on what an upload or import may make the server read.

Three layers, each refusing before the expensive step: the request body from its Content-Length before it is
read (`RequestSizeLimit`), an XLSX archive from its zip directory before it is unpacked (`check_archive`), and
a table row by row while it is read (`bounded_rows`, `csv_rows`), so that no file can hold a worker for
minutes or take gigabytes of memory. The limits are settings (WSIS_MAX_*), described in docs/operations.md.
"""

import csv
import io
import sys
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.shortcuts import render

from wsis.core.apicontract import API_PREFIX, error_response
from wsis.core.errors import ErrorItem, ValidationFailed


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):,.1f} MB"


def _refuse(code: str, message: str, location: str, field: str | None = None):
    raise ValidationFailed([ErrorItem(code, message, field=field, location=location)])


@contextmanager
def saved_upload(upload):
    """Yield (path, name) of the upload written to a temporary folder that is removed afterwards."""
    name = Path(upload.name or "upload").name
    limit = settings.WSIS_MAX_IMPORT_BYTES
    if upload.size and upload.size > limit:
        raise ValidationFailed([ErrorItem("too_large", f"{name} is {upload.size:,} bytes; the limit is {limit:,}",
                                          location=name)])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        with path.open("wb") as fh:
            for chunk in upload.chunks():
                fh.write(chunk)
        yield path, name


def read_upload(upload, limit: int | None = None, *, field: str | None = None) -> bytes:
    """The bytes of an uploaded file, refused by its size first (a file over the limit is never read)."""
    name = Path(upload.name or "upload").name
    limit = limit or settings.WSIS_MAX_IMPORT_BYTES
    if upload.size is not None and upload.size > limit:
        _refuse("too_large", f"{name} is {upload.size:,} bytes; the limit is {limit:,}", name, field)
    data = upload.read(limit + 1)
    if len(data) > limit:
        _refuse("too_large", f"{name} is larger than the limit of {limit:,} bytes", name, field)
    return data


# ---------------------------------------------------------------------------------------------- request bodies

def body_limit(request) -> int:
    """The largest body accepted: an import file and its form fields for multipart uploads, else a form."""
    if request.content_type == "multipart/form-data":
        return settings.WSIS_MAX_UPLOAD_BODY_BYTES
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE


class RequestSizeLimit:
    """Refuses a request whose declared body is over the limit with 413, without reading the body.

    Django reads no more than Content-Length from the stream, and nothing when it is missing, so checking the
    header bounds what any later step can read. A body sent chunked (no Content-Length) is refused with 411
    rather than silently read as empty.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        meta = request.META
        if request.method in ("POST", "PUT", "PATCH"):
            try:
                length = int(meta.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            limit = body_limit(request)
            if length > limit:
                return self._refused(request, 413, "too_large",
                                     f"the request body is {_mb(length)}; the limit is {_mb(limit)}")
            if not length and "chunked" in meta.get("HTTP_TRANSFER_ENCODING", "").lower():
                return self._refused(request, 411, "length_required",
                                     "send the request with a Content-Length header, not chunked")
        return self.get_response(request)

    @staticmethod
    def _refused(request, status: int, code: str, message: str):
        if request.path_info.startswith(API_PREFIX):
            return error_response(status, code, message)
        from django.utils.translation import gettext as _

        if status == 413:
            text = _("The file is too large to upload: %(size)s, and the limit is %(limit)s. Split it into "
                     "smaller files or reduce it, then try again.") % {
                "size": _mb(int(request.META.get("CONTENT_LENGTH") or 0)), "limit": _mb(body_limit(request))}
        else:
            text = _("The upload was sent without its length. Send it again from the form.")
        return render(request, "wsis/refused_upload.html", {"message": text, "back": request.path}, status=status)


# ---------------------------------------------------------------------------------------------- archives

def check_archive(source: bytes | Path, name: str) -> None:
    """Refuses a ZIP (XLSX) archive whose members would unpack to too much, read from its central directory
    only: the total unpacked size and each member's compression ratio (a zip bomb compresses hundreds of
    megabytes of repeated cells into a few kilobytes). Python's zipfile stops at the declared size when
    unpacking (and fails the CRC check), so a directory that understates a member cannot get past this.
    """
    max_total = settings.WSIS_MAX_DECOMPRESSED_BYTES
    max_ratio = settings.WSIS_MAX_COMPRESSION_RATIO
    try:
        with zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes | bytearray) else source) as zf:
            members = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a ZIP archive: the workbook reader names the problem
    if len(members) > 10_000:
        _refuse("too_large", f"{name} holds {len(members):,} archive members; a workbook has a few dozen", name)
    total = 0
    for m in members:
        total += m.file_size
        # Small members compress badly and unpack to little; only large ones can be bombs.
        if m.file_size > 1024 * 1024 and m.file_size > max_ratio * max(m.compress_size, 1):
            _refuse("too_large", f"{name}: the part {m.filename} unpacks to {_mb(m.file_size)} from "
                                 f"{m.compress_size:,} bytes (ratio {m.file_size // max(m.compress_size, 1):,} to 1,"
                                 f" more than {max_ratio}); the file is refused as a possible zip bomb", name)
    if total > max_total:
        _refuse("too_large", f"{name} unpacks to {_mb(total)}, more than the limit of {_mb(max_total)} "
                             "(WSIS_MAX_DECOMPRESSED_BYTES); split it into smaller files", name)


def open_workbook(source: bytes | Path, name: str):
    """An openpyxl read-only workbook, after the archive checks; the caller closes it."""
    from openpyxl import load_workbook

    check_archive(source, name)
    fh = io.BytesIO(source) if isinstance(source, bytes | bytearray) else source
    return load_workbook(fh, read_only=True, data_only=True)


# ---------------------------------------------------------------------------------------------- tables

def _column(i: int, xlsx: bool) -> str:
    if xlsx:
        from openpyxl.utils import get_column_letter

        return f"column {get_column_letter(i + 1)}"
    return f"column {i + 1}"


def bounded_rows(rows: Iterable[Iterable], name: str, *, xlsx: bool = False, numbered: bool = False,
                 locate=None) -> Iterator:
    """The rows as they come, refused (ValidationFailed, located) as soon as the table has more non-empty rows
    than WSIS_MAX_IMPORT_ROWS, more cells than WSIS_MAX_IMPORT_CELLS or a text cell longer than
    WSIS_MAX_IMPORT_FIELD_CHARS. With `numbered`, items are (row number, cells) pairs and are passed on so;
    `locate` turns a row number into the location named (by default "name:row")."""
    locate = locate or (lambda line: f"{name}:{line}")
    max_rows = settings.WSIS_MAX_IMPORT_ROWS
    max_cells = settings.WSIS_MAX_IMPORT_CELLS
    max_chars = settings.WSIS_MAX_IMPORT_FIELD_CHARS
    count = cells_seen = 0
    for n, item in enumerate(rows, start=1):
        line, cells = item if numbered else (n, item)
        # An empty row counts as one cell: a workbook can number its only row 1,000,000,000.
        cells_seen += max(len(cells), 1)
        if cells_seen > max_cells:
            _refuse("too_large", f"{name} has more than {max_cells:,} cells (WSIS_MAX_IMPORT_CELLS); "
                                 "split it into smaller files", locate(line))
        filled = False
        for i, value in enumerate(cells):
            if value is None or value == "":
                continue
            filled = True
            if isinstance(value, str) and len(value) > max_chars:
                _refuse("too_long", f"a cell of {len(value):,} characters; the limit is {max_chars:,} "
                                    "(WSIS_MAX_IMPORT_FIELD_CHARS)", locate(line), field=_column(i, xlsx))
        if filled:
            count += 1
            if count > max_rows + 1:  # the header row is not counted
                _refuse("too_large", f"{name} has more than {max_rows:,} rows (WSIS_MAX_IMPORT_ROWS); split it "
                                     "into smaller files", locate(line))
        yield item


# The csv module's own cap (128 KB by default) ends in an unlocated csv.Error; it is raised to the whole file
# so that bounded_rows can name the file, row and column of a cell that is too long.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def csv_rows(text: str, name: str, *, delimiter: str = ",") -> Iterator[tuple[int, list[str]]]:
    """(line number where the record starts, cells) of CSV text, bounded as `bounded_rows` says; a malformed
    record is a located ValidationFailed."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)

    def records():
        start = 1
        try:
            for cells in reader:
                yield start, cells
                start = reader.line_num + 1
        except csv.Error as exc:
            _refuse("malformed", f"malformed CSV: {exc}", f"{name}:{reader.line_num}")

    yield from bounded_rows(records(), name, numbered=True)


class BoundedReader:
    """A csv.reader over text (rows of cells, `line_num`) with the bounds of `bounded_rows` and a located
    ValidationFailed for a malformed record, for readers written around csv.reader."""

    def __init__(self, text: str, name: str, *, delimiter: str = ","):
        self._reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        self._name = name
        self._rows = bounded_rows(self._records(), name, numbered=True)

    def _records(self):
        start = 1
        try:
            for cells in self._reader:
                yield start, cells
                start = self._reader.line_num + 1
        except csv.Error as exc:
            _refuse("malformed", f"malformed CSV: {exc}", f"{self._name}:{self._reader.line_num}")

    @property
    def line_num(self) -> int:
        return self._reader.line_num

    def __iter__(self):
        return self

    def __next__(self) -> list[str]:
        return next(self._rows)[1]


def sheet_rows(ws, name: str, locate=None) -> Iterator[tuple]:
    """The rows of a read-only worksheet (values only), bounded as `bounded_rows` says. The sheet's declared
    size is ignored (some programs write a wrong one, which would cut cells off in read-only mode)."""
    ws.reset_dimensions()
    yield from bounded_rows(ws.iter_rows(values_only=True), name, xlsx=True, locate=locate)
