"""The site's commands for editors and CI: `python -m conference_site check` (`make check`)."""

from __future__ import annotations

import sys

from . import check

COMMANDS = {"check": check.main}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        print(f"usage: python -m conference_site {{{','.join(COMMANDS)}}} [--help]", file=sys.stderr)
        sys.exit(2)
    sys.exit(COMMANDS[sys.argv[1]](sys.argv[2:]))
