"""The funding lists' read contracts (see wsis.core.lists)."""
