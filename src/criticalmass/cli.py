"""The `criticalmass` command: Django's management commands under one name.

`criticalmass import peacekeeping-gender FILE` is `manage.py import peacekeeping-gender FILE`.
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "criticalmass.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line([sys.argv[0], *sys.argv[1:]])


if __name__ == "__main__":
    main()
