"""A crawl of the whole site on the demo, in English, Chinese and Arabic, at a desktop (1366 px) and a phone
(390 px) width, in Debian Chromium.

The pages are found by following the site's own links breadth-first from the home page (same site, same
language), once anonymously and once as a BDT reviewer; one page per path pattern (one activity, one economy,
not all of them), downloads, the API, the admin, sign-out and the language form left out, at most
WSIS_CRAWL_PAGES pages of each kind. Each page, in each language and width, must answer 200 (after a redirect,
for example to sign in), must not scroll sideways, and axe-core must find no WCAG 2.1 A/AA violation nor a too
small target (WCAG 2.2 AA `target-size`). On the statistics explorer the map must fill at least 90 % of its
section's width. Every failure of a crawl is collected and reported together (page, language, width, rule,
elements), with counts by rule and by page; the report is also written as JSON beside the screenshots.

Screenshots of the home page, the statistics explorer and an economy page are saved for people to look at (not
compared) in $WSIS_SCREENSHOT_DIR, by default var/screenshots/ (the path is printed).

It reads the run's shared demo site (the `demo_site` fixture) and writes nothing. On PostgreSQL (the second CI
pass) two of the six crawls run, English at 1366 px and Arabic at 390 px (WSIS_CRAWL_FULL=1 runs all six there
too): the pages are the same, only the database differs.
"""

import json
import os
import re
import time
from collections import Counter, deque
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from wsis.testing.browser import WCAG_TAGS
from wsis.testing.support import ROOT

pytestmark = pytest.mark.browser

LANGUAGES = ["en", "zh-hans", "ar"]
WIDTHS = [1366, 390]
ROLE = "reviewer"  # a BDT officer (BDT Digital Networks and Society Department, reviewer)
MAX_PAGES = int(os.environ.get("WSIS_CRAWL_PAGES", "40"))  # of each kind: public, signed in
SKIP = re.compile(r"/(api|admin|static|media|i18n)/|logout|set_language|/export|\.(csv|xlsx|json|pdf|docx|xml|zip"
                  r"|txt|ics)$")
SHOTS = {"home": "/{lang}/", "statistics-explorer": "/{lang}/statistics/{indicator}/",
         "economy": "/{lang}/economies/KEN/"}
AXE_TAGS = [*WCAG_TAGS, "wcag22aa"]
POSTGRESQL = {("en", 1366), ("ar", 390)}  # the crawls of the PostgreSQL pass


def _on_postgresql() -> bool:
    url = os.environ.get("DATABASE_URL", "")
    return bool(url) and not url.startswith("sqlite")


def _crawls():
    for lang in LANGUAGES:
        for width in WIDTHS:
            small = _on_postgresql() and not os.environ.get("WSIS_CRAWL_FULL") and (lang, width) not in POSTGRESQL
            marks = [pytest.mark.skip(reason="runs on SQLite only (WSIS_CRAWL_FULL=1 runs it here)")] if small else []
            yield pytest.param(lang, width, id=f"{lang}-{width}", marks=marks)


# ------------------------------------------------------------------------------------------------ finding the pages

class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href") and "download" not in a:
            self.hrefs.append(a["href"])


def pattern(path: str) -> str:
    """The path with its identifiers replaced: /en/activities/12/ and /en/activities/13/ are one page to crawl."""
    out = []
    for seg in path.strip("/").split("/"):
        if re.fullmatch(r"\d+(\.\d+)?", seg):
            seg = "<n>"
        elif re.fullmatch(r"[A-Z][A-Z0-9_.\-]*", seg):
            seg = "<code>"
        out.append(seg)
    return "/" + "/".join(out) + "/"


def discover(site, role=None, limit=MAX_PAGES, known=()) -> list[str]:
    """English paths reachable by links from the home page, one per pattern, breadth first; pages of `known`
    are followed but neither counted nor returned."""
    seen, found, visited = set(), [], 0
    queue = deque(["/en/"])
    while queue and len(found) < limit and visited < limit + len(known):
        path = queue.popleft()
        key = pattern(path)
        if key in seen:
            continue
        seen.add(key)
        resp = site.get(path, role=role)
        html = resp.get("content-type", "").startswith("text/html") and "attachment" not in resp.get(
            "content-disposition", "")
        visited += 1
        if resp.status_code in (200, 302) and not html:
            continue  # a download, whatever its path looks like
        if path not in known:
            found.append(path)
        if resp.status_code != 200:
            continue
        parser = _Links()
        parser.feed(resp.content.decode("utf-8", "replace"))
        for href in parser.hrefs:
            parts = urlsplit(urljoin(site.url + path, href))
            if parts.netloc != urlsplit(site.url).netloc or not parts.path.startswith("/en/"):
                continue
            if SKIP.search(parts.path) or "format=" in parts.query:
                continue
            if pattern(parts.path) not in seen:
                queue.append(parts.path)
    return found


@pytest.fixture(scope="module")
def pages(demo_site):
    started = time.monotonic()
    public = discover(demo_site)
    private = discover(demo_site, role=ROLE, known=set(public))
    print(f"\ncrawl: {len(public)} public and {len(private)} signed-in pages found in {time.monotonic() - started:.1f}s")
    return public, private


def screenshot_dir() -> Path:
    path = Path(os.environ.get("WSIS_SCREENSHOT_DIR") or ROOT / "var" / "screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


# ------------------------------------------------------------------------------------------------ checking one page

OVERFLOW = """() => {
  const w = window.innerWidth, d = document.documentElement;
  if (d.scrollWidth <= w) return null;
  // The elements that stick out on the reading side's end (right in English, left in Arabic), outermost first.
  const rtl = getComputedStyle(d).direction === 'rtl';
  const out = e => { const r = e.getBoundingClientRect();
    return r.width > 0 && (rtl ? r.left < -1 && r.right > 0 : r.right > w + 1 && r.left < w); };
  const wide = [...document.body.querySelectorAll('*')].filter(e => out(e) && !(e.parentElement && out(e.parentElement)));
  const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
    (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
  return {scrollWidth: d.scrollWidth, width: w, elements: wide.slice(0, 5).map(name)};
}"""

MAP = """() => {
  const m = document.querySelector('svg.map');
  if (!m) return null;
  const c = m.parentElement, s = getComputedStyle(c);
  return {map: m.getBoundingClientRect().width,
          container: c.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight)};
}"""


def axe_violations(page) -> list[dict]:
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return result.response["violations"]


def check_page(page, url: str, path: str, lang: str, width: int, who: str) -> list[dict]:
    where = {"page": path, "lang": lang, "width": width, "as": who}
    try:
        resp = page.goto(url, wait_until="load")
    except Exception as exc:  # noqa: BLE001 - every page is reported, not only the first failure
        return [{**where, "rule": "load", "detail": f"{type(exc).__name__}: {exc}"[:300]}]
    status = resp.status if resp else 0
    if status not in (200, 302):
        return [{**where, "rule": f"status-{status}", "detail": page.url}]
    if not (resp.headers.get("content-type", "")).startswith("text/html"):
        return []
    out = []
    wide = page.evaluate(OVERFLOW)
    if wide:
        out.append({**where, "rule": "horizontal-overflow",
                    "detail": f"scrollWidth {wide['scrollWidth']} > {wide['width']}", "targets": wide["elements"]})
    for v in axe_violations(page):
        out.append({**where, "rule": v["id"], "impact": v["impact"], "detail": v["help"],
                    "targets": [" ".join(n["target"]) if isinstance(n["target"], list) else str(n["target"])
                                for n in v["nodes"]][:5], "nodes": len(v["nodes"])})
    return out


def summary(failures: list[dict]) -> str:
    if not failures:
        return "no failures"
    lines = [f"{len(failures)} failure(s)", "by rule:"]
    lines += [f"  {n:4d}  {rule}" for rule, n in Counter(f["rule"] for f in failures).most_common()]
    lines.append("by page:")
    lines += [f"  {n:4d}  {p}" for p, n in Counter(f["page"] for f in failures).most_common(25)]
    lines.append("each (page | language | width | as | rule | detail | elements):")
    for f in failures:
        lines.append(f"  {f['page']} | {f['lang']} | {f['width']} | {f['as']} | {f['rule']} | {f.get('detail', '')}"
                     f" | {', '.join(f.get('targets', []))}")
    return "\n".join(lines)


# ------------------------------------------------------------------------------------------------ the crawl

@pytest.mark.parametrize("lang,width", list(_crawls()))
def test_crawl(browser, demo_site, pages, lang, width):
    public, private = pages
    shots = screenshot_dir()
    indicator = "INTERNET_USERS"
    if demo_site.get(f"/en/statistics/{indicator}/").status_code != 200:
        indicator = demo_site.facts["values"]["indicator"][0]
    started = time.monotonic()
    failures = []
    context = browser.new_context(viewport={"width": width, "height": 900}, locale=lang)
    try:
        page = context.new_page()
        for path in public:
            local = path.replace("/en/", f"/{lang}/", 1)
            failures += check_page(page, demo_site.url + local, local, lang, width, "anonymous")
        # The explorer's map fills its section in every language.
        page.goto(f"{demo_site.url}/{lang}/statistics/{indicator}/")
        sizes = page.evaluate(MAP)
        if sizes is None:
            failures.append({"page": f"/{lang}/statistics/{indicator}/", "lang": lang, "width": width, "as": "anonymous",
                             "rule": "map-missing", "detail": "no svg.map on the statistics explorer"})
        elif sizes["map"] < 0.9 * sizes["container"]:
            failures.append({"page": f"/{lang}/statistics/{indicator}/", "lang": lang, "width": width, "as": "anonymous",
                             "rule": "map-width", "detail": f"map {sizes['map']:.0f}px of {sizes['container']:.0f}px"})
        for name, path in SHOTS.items():
            page.goto(demo_site.url + path.format(lang=lang, indicator=indicator))
            page.screenshot(path=shots / f"{name}-{lang}-{width}.png", full_page=True)
        context.add_cookies([{"name": "sessionid", "value": demo_site.facts["sessions"][ROLE], "url": demo_site.url}])
        for path in private:
            local = path.replace("/en/", f"/{lang}/", 1)
            failures += check_page(page, demo_site.url + local, local, lang, width, ROLE)
    finally:
        context.close()
    seconds = time.monotonic() - started
    report = shots / f"crawl-{lang}-{width}.json"
    report.write_text(json.dumps({"pages": len(public) + len(private), "seconds": round(seconds, 1),
                                  "failures": failures}, ensure_ascii=False, indent=1))
    print(f"\ncrawl {lang} {width}px: {len(public)} public + {len(private)} signed-in pages in {seconds:.0f}s; "
          f"screenshots and {report.name} in {shots}")
    assert not failures, f"crawl {lang} at {width}px:\n{summary(failures)}"
