#!/usr/bin/env python
"""Django's command-line utility; `wsis` is the same with the settings preset."""

import sys

from wsis.cli import main

if __name__ == "__main__":
    sys.exit(main())
