"""The partnerships lists' read contracts, kept beside their areas; importing this module registers them all."""

from wsis.partnerships.cooperation import lists as cooperation  # noqa: F401
from wsis.partnerships.funding import lists as funding  # noqa: F401
