"""Plain helpers for the test suites: `factories` builds users, organisations, activities and the other records the
tests need; `support` finds sample files and shares module-wide data; `browser` has the Playwright helpers. Fixtures
live in the root conftest.py; nothing here is collected as a test."""
