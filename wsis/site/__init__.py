"""The top layer: what needs every app at once (the demo data, `wsis init`). Nothing below imports it."""
