"""Partnership endpoints: funding (dashboard, flows, rates, agreements, organisations) and cooperation (events, requests, contributions)."""

from ninja import Router

from wsis.partnerships.cooperation.api import router as cooperation
from wsis.partnerships.funding.api import router as funding

router = Router(tags=["partnerships"])
router.add_router("", funding)
router.add_router("", cooperation)
