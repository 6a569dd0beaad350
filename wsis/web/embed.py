"""Share and embed links for pages with charts, and the one place where framing by another site is allowed.

A page with charts passes `chart_links(request)` to its template (the share link is the page's own URL with
its filters; the embed link adds `embed=1`). When `is_embed(request)` the view renders a chart-only template
(extending `wsis/embed_base.html`) and returns it through `embeddable()`: only that response drops
X-Frame-Options and allows any frame ancestor; every other page keeps `frame-ancestors 'none'`."""

from __future__ import annotations

from django.conf import settings

# Parameters that ask for a file or for the embed view itself, never part of a shared view.
NOT_SHARED = ("format", "what", "embed")


def is_embed(request) -> bool:
    return request.GET.get("embed") == "1"


def chart_links(request) -> dict:
    q = request.GET.copy()
    for name in NOT_SHARED:
        q.pop(name, None)
    query = q.urlencode()
    share = request.build_absolute_uri(request.path + (f"?{query}" if query else ""))
    q["embed"] = "1"
    return {"share_url": share, "embed_url": request.build_absolute_uri(f"{request.path}?{q.urlencode()}"),
            "query": query}


def embeddable(response):
    """Let other sites frame this response (the chart-only view), and nothing else."""
    response.xframe_options_exempt = True
    response._csp_config = {**settings.SECURE_CSP, "frame-ancestors": ["*"]}
    return response
