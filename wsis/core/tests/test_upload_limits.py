"""Bounds on uploads and imports: bodies refused unread, zip bombs refused from the archive directory, tables
bounded while they are read, error lists capped with their total count."""

import io
import json
import sys
import time
import tracemalloc
import zipfile

import pytest
from django.test import override_settings
from django.test.client import ClientHandler

from wsis.core.errors import ErrorItem, ValidationFailed
from wsis.testing.factories import sample

XLSX_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships'
        '+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override '
        'PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.worksheet+xml"/></Types>'),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
        'main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet '
        'name="activities" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
}


def bomb_xlsx(rows: int, cells: int = 6, header: tuple[str, ...] = ("external_id", "kind")) -> bytes:
    """A valid workbook whose one sheet repeats the same row: tiny when compressed, huge when unpacked."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for part, text in XLSX_PARTS.items():
            z.writestr(part, text)
        with z.open("xl/worksheets/sheet1.xml", "w") as fh:
            fh.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                     b'spreadsheetml/2006/main"><sheetData><row>')
            fh.write(b"".join(b'<c t="inlineStr"><is><t>%s</t></is></c>' % h.encode() for h in header) + b"</row>")
            block = (b"<row>" + b'<c t="inlineStr"><is><t>x</t></is></c>' * cells + b"</row>") * 1000
            for _ in range(rows // 1000):
                fh.write(block)
            fh.write(b"</sheetData></worksheet>")
    return buf.getvalue()


def measured(fn):
    """(exception raised, seconds, peak traced memory in bytes) of calling fn."""
    tracemalloc.start()
    start = time.monotonic()
    try:
        fn()
    except ValidationFailed as exc:
        return exc, time.monotonic() - start, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    pytest.fail("the file was accepted")


def _readers(tmp_path):
    """Every import reader of a workbook, each as a function of (bytes, name)."""
    from wsis.core.tables import read_rows
    from wsis.planning.xlsx import read_plan_xlsx
    from wsis.statistics.sources.tidy import read_tidy
    from wsis.stocktaking.tabular import read_xlsx

    def registry(data, name):
        path = tmp_path / name
        path.write_bytes(data)
        return read_xlsx(path)

    return {
        "registry": registry,
        "rates and flows": lambda data, name: read_rows(data, name),
        "plan": read_plan_xlsx,
        "statistics": lambda data, name: read_tidy(data, name, mapping="indicator=a,area=b,year=c,value=d"),
    }


# ------------------------------------------------------------------------------------------------ zip bombs

@pytest.mark.parametrize("reader", ["registry", "rates and flows", "plan", "statistics"])
def test_a_zip_bomb_workbook_is_refused_from_its_directory_quickly_and_in_little_memory(tmp_path, reader):
    data = bomb_xlsx(200_000)  # about 48 MB of sheet XML in about 50 KB
    assert len(data) < 200_000
    exc, seconds, peak = measured(lambda: _readers(tmp_path)[reader](data, "bomb.xlsx"))
    assert exc.errors[0].code == "too_large"
    assert "bomb.xlsx" in exc.errors[0].message and "zip bomb" in exc.errors[0].message
    assert exc.errors[0].location == "bomb.xlsx"
    assert seconds < 2, seconds
    assert peak < 5 * 1024 * 1024, peak


def test_a_workbook_that_unpacks_to_more_than_the_limit_is_refused(tmp_path):
    data = bomb_xlsx(20_000)
    with override_settings(WSIS_MAX_COMPRESSION_RATIO=10**6, WSIS_MAX_DECOMPRESSED_BYTES=1024 * 1024):
        exc, seconds, _peak = measured(lambda: _readers(tmp_path)["registry"](data, "big.xlsx"))
    assert exc.errors[0].code == "too_large"
    assert "WSIS_MAX_DECOMPRESSED_BYTES" in exc.errors[0].message
    assert seconds < 1


@pytest.mark.parametrize("reader", ["registry", "rates and flows", "plan", "statistics"])
def test_workbook_rows_and_cells_are_capped_while_reading(tmp_path, reader):
    # Ratio allowed: only the row and cell caps stop it (the header is one the statistics reader takes).
    data = bomb_xlsx(3_000, cells=4, header=("a", "b", "c", "d"))
    with override_settings(WSIS_MAX_COMPRESSION_RATIO=10**6, WSIS_MAX_IMPORT_ROWS=1_000):
        exc, _s, _p = measured(lambda: _readers(tmp_path)[reader](data, "rows.xlsx"))
    assert exc.errors[0].code == "too_large" and "WSIS_MAX_IMPORT_ROWS" in exc.errors[0].message
    assert exc.errors[0].location.endswith("1002")  # header + 1,000 rows accepted, refused at the next
    with override_settings(WSIS_MAX_COMPRESSION_RATIO=10**6, WSIS_MAX_IMPORT_CELLS=2_000):
        exc, _s, _p = measured(lambda: _readers(tmp_path)[reader](data, "cells.xlsx"))
    assert exc.errors[0].code == "too_large" and "WSIS_MAX_IMPORT_CELLS" in exc.errors[0].message


def test_an_ordinary_workbook_still_imports(tmp_path):
    from wsis.stocktaking.tabular import read_xlsx, write_xlsx

    path = tmp_path / "ok.xlsx"
    write_xlsx([sample(external_id=f"OK-{i}") for i in range(50)], path)
    assert len(read_xlsx(path)) == 50


# ------------------------------------------------------------------------------------------------ CSV fields

def test_a_128_kb_csv_field_is_a_located_400_on_the_registry_api(client, admin_user, tmp_path):
    from wsis.stocktaking.tabular import write_csv

    path = tmp_path / "long.csv"
    write_csv([sample(external_id="LONG-1", texts={"en": {"title": "Long", "description": "x" * 131_073}})], path)
    client.force_login(admin_user)
    with path.open("rb") as fh:
        resp = client.post("/api/v1/activities/import", {"file": fh})
    assert resp.status_code == 400, resp.content[:300]
    body = resp.json()
    assert body["ok"] is False and body["status"] == 400
    [err] = body["errors"]
    assert err["code"] == "too_long"
    assert err["location"] == "long.csv:2"
    assert err["field"].startswith("column ")
    assert "131,073 characters" in err["message"]


@pytest.mark.parametrize("reader", ["rates", "statistics", "registry"])
def test_a_long_csv_field_is_located_by_every_csv_reader(tmp_path, reader):
    from wsis.core.tables import read_rows
    from wsis.statistics.sources.tidy import read_tidy
    from wsis.stocktaking.tabular import read_csv

    text = "a,b,c,d\n1,2,3,4\n5,6," + "y" * 200_000 + ",8\n"
    name = "long.csv"
    path = tmp_path / name
    path.write_text(text)
    call = {"rates": lambda: read_rows(text.encode(), name),
            "statistics": lambda: read_tidy(text.encode(), name, mapping="indicator=a,area=b,year=c,value=d"),
            "registry": lambda: read_csv(path)}[reader]
    with pytest.raises(ValidationFailed) as caught:
        call()
    err = caught.value.errors[0]
    assert (err.code, err.location, err.field) == ("too_long", "long.csv:3", "column 3")


# ------------------------------------------------------------------------------------------------ problem lists

def test_a_million_problems_are_kept_as_a_capped_list_with_their_total():
    from wsis.core.errors import Problems

    tracemalloc.start()
    problems = Problems()
    for i in range(1_000_000):
        problems.append(ErrorItem("invalid", f"bad value on row {i}", location=f"f.csv:{i}"))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 2 * 1024 * 1024, peak
    exc = ValidationFailed(problems)
    assert exc.total == 1_000_000
    assert len(exc.errors) == 201
    assert exc.errors[-1].code == "more_problems"
    assert exc.errors[-1].message.startswith("and 999,800 more problems (1,000,000 in all)")
    # A plain list is capped the same way when the error is raised.
    exc = ValidationFailed([ErrorItem("invalid", "y")] * 1_000)
    assert (exc.total, len(exc.errors)) == (1_000, 201)


def _bad_rows_csv(tmp_path, n: int):
    from wsis.stocktaking.tabular import write_csv

    path = tmp_path / "bad.csv"
    write_csv([sample(external_id=f"BAD-{i}", economies=["XXX"], action_lines=["C99"]) for i in range(n)], path)
    return path


@pytest.mark.django_db
def test_the_api_returns_at_most_200_problems_and_the_total_and_writes_nothing(client, admin_user, tmp_path):
    from wsis.stocktaking.models import Activity

    path = _bad_rows_csv(tmp_path, 300)  # one problem a row
    client.force_login(admin_user)
    with path.open("rb") as fh:
        resp = client.post("/api/v1/activities/import", {"file": fh})
    assert resp.status_code == 400
    errors = resp.json()["errors"]
    assert len(errors) == 201
    assert errors[-1]["code"] == "more_problems"
    assert errors[-1]["message"].startswith("and 100 more problems (300 in all)")
    assert not Activity.objects.exists()


@pytest.mark.django_db
def test_the_command_prints_the_capped_list(admin_user, tmp_path):
    from django.core.management import CommandError, call_command

    path = _bad_rows_csv(tmp_path, 300)
    with pytest.raises(CommandError) as caught:
        call_command("activities", "import", str(path), "--user", admin_user.username)
    text = str(caught.value)
    assert text.count("\n") < 210
    assert "and 100 more problems (300 in all)" in text


@pytest.mark.django_db
def test_the_import_page_shows_the_capped_list(client, admin_user, tmp_path):
    path = _bad_rows_csv(tmp_path, 300)
    client.force_login(admin_user)
    with path.open("rb") as fh:
        resp = client.post("/en/activities/import/", {"file": fh})
    html = resp.content.decode()
    assert "and 100 more problems (300 in all)" in html
    assert html.count("bad.csv:") <= 200


# ------------------------------------------------------------------------------------------------ request bodies

class Body(io.RawIOBase):
    """A request body that records how much of it was read."""

    def __init__(self, size: int):
        self.size, self.read_bytes = size, 0

    def readable(self):
        return True

    def readinto(self, b):
        n = min(len(b), self.size - self.read_bytes)
        b[:n] = b"x" * n
        self.read_bytes += n
        return n


def send(path: str, length: int | None, content_type: str = "multipart/form-data; boundary=B", **extra):
    body = Body(length or 10_000_000)
    environ = {"REQUEST_METHOD": "POST", "PATH_INFO": path, "SCRIPT_NAME": "", "QUERY_STRING": "",
               "SERVER_NAME": "testserver", "SERVER_PORT": "80", "HTTP_HOST": "testserver",
               "wsgi.url_scheme": "http", "wsgi.input": body, "wsgi.errors": sys.stderr,
               "CONTENT_TYPE": content_type, **extra}
    if length is not None:
        environ["CONTENT_LENGTH"] = str(length)
    # The test client's handler: the real middleware and views, without closing the test's database connection.
    response = ClientHandler()(environ)
    return response.status_code, response.content, body


@pytest.mark.django_db
def test_an_upload_over_the_limit_is_refused_with_413_before_its_body_is_read(settings):
    length = settings.WSIS_MAX_IMPORT_BYTES + 2 * 1024 * 1024
    status, content, body = send("/api/v1/activities/import", length)
    assert status == 413
    assert body.read_bytes == 0
    payload = json.loads(content)
    assert payload["ok"] is False and payload["status"] == 413
    assert payload["errors"][0]["code"] == "too_large"
    assert "limit" in payload["errors"][0]["message"]


@pytest.mark.django_db
def test_a_page_upload_over_the_limit_gets_the_form_error_unread(settings):
    status, content, body = send("/en/activities/import/", settings.WSIS_MAX_IMPORT_BYTES + 2 * 1024 * 1024)
    assert (status, body.read_bytes) == (413, 0)
    assert "too large to upload" in content.decode()


@pytest.mark.django_db
def test_a_large_non_file_body_and_a_chunked_body_are_refused_unread(settings):
    status, _c, body = send("/api/v1/plans", settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1, "application/json")
    assert (status, body.read_bytes) == (413, 0)
    status, content, body = send("/api/v1/activities/import", None, HTTP_TRANSFER_ENCODING="chunked")
    assert (status, body.read_bytes) == (411, 0)
    assert json.loads(content)["errors"][0]["code"] == "length_required"


# ------------------------------------------------------------------------------------------------ XML

def test_xml_files_are_capped_by_their_number_of_elements(tmp_path):
    from wsis.partnerships.files import read_flows
    from wsis.statistics.sources.sdmx_source import read_sdmx
    from wsis.stocktaking.iati import parse_iati

    body = "".join(f"<iati-activity><iati-identifier>XM-{i}</iati-identifier></iati-activity>" for i in range(600))
    path = tmp_path / "many.xml"
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?><iati-activities version="2.03">{body}</iati-activities>')
    with override_settings(WSIS_MAX_XML_ELEMENTS=1_000):
        for read in (parse_iati, read_flows):
            with pytest.raises(ValidationFailed) as caught:
                read(path)
            err = caught.value.errors[0]
            assert err.code == "too_large" and "WSIS_MAX_XML_ELEMENTS" in err.message
            assert err.location.startswith("many.xml:")
        parsed = read_sdmx(path.read_bytes(), "many.xml")
    assert [e.code for e in parsed.errors] == ["too_large"]
