"""The cooperation lists' read contracts (see wsis.core.lists)."""
