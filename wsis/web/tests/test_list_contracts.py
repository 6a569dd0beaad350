"""Every list's three faces agree: for each read contract and each of its example filters, the page's JSON
download and the API's answer are the same rows, anonymously and as a BDT administrator, on the demo (the run's
shared demo site, over HTTP: see the `demo_site` fixture)."""

import json

import pytest
from django.urls import reverse
from django.utils import translation


def _contracts():
    import django

    django.setup()
    from wsis.core.lists import discover

    return sorted(discover().values(), key=lambda c: c.name)


def _cases():
    for contract in _contracts():
        for i, example in enumerate(contract.examples):
            for who in (None, "admin"):
                if who is None and contract.auth:
                    continue
                yield pytest.param(contract, example, who, id=f"{contract.name}-{i}-{who or 'anonymous'}")


@pytest.mark.parametrize("contract,example,who", list(_cases()))
def test_page_download_equals_api_answer(demo_site, contract, example, who):
    assert contract.api_path and contract.page, f"{contract.name} names no API path or page"
    with translation.override("en"):
        page_url = reverse(contract.page, kwargs=contract.page_kwargs)
    # `lang` goes to both: the API's language, and a filter of lists that have one (report runs).
    page = demo_site.get(page_url, {**example, "lang": "en", "format": "json"}, role=who)
    api = demo_site.get(contract.api_url, {**example, "lang": "en"}, role=who)
    assert page.status_code == 200, (page_url, page.content[:300])
    assert api.status_code == 200, (contract.api_url, api.content[:300])
    from_page = json.loads(page.content)
    from_api = api.json()
    assert from_page == from_api
    assert set(from_api) == {"count", "results"}
    if from_api["results"]:
        assert list(from_api["results"][0]) == contract.columns


def test_every_contract_is_served_by_the_api():
    from config.api import api

    paths = set(api.get_openapi_schema()["paths"])
    for contract in _contracts():
        assert contract.api_path in paths, contract.name
