"""The ``netra`` command: every operator task, from serving to extraction.

``netra extract`` runs the Django-free extraction engine directly (fast start);
every other command is a Django management command (``netra help`` lists them).
"""

import os
import sys


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "extract":
        from netra.extract.cli import main as extract_main

        return extract_main(args[1:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netra.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["netra", *args])
    return 0


if __name__ == "__main__":
    sys.exit(main())
