"""The `criticalmass` command: Django's management commands under one name.

`criticalmass import peacekeeping-gender FILE` is `manage.py import peacekeeping-gender FILE`. Command
modules are Python names (`import_all.py`); people type the verbs with hyphens (`criticalmass
import-all`, `criticalmass help send-reminders`), which are translated here.
"""

import os
import sys


def command_name(arguments: list[str]) -> list[str]:
    """The arguments with the command's hyphens made underscores (`import-all` is `import_all`)."""
    arguments = list(arguments)
    at = 1 if arguments[:1] == ["help"] else 0
    if len(arguments) > at and not arguments[at].startswith("-"):
        arguments[at] = arguments[at].replace("-", "_")
    return arguments


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "criticalmass.settings")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        settings.INSTALLED_APPS  # noqa: B018 - reads the settings, which check the environment
    except ImproperlyConfigured as exc:
        sys.stderr.write(f"criticalmass: the settings are not valid: {exc}\n")
        sys.exit(2)

    execute_from_command_line([sys.argv[0], *command_name(sys.argv[1:])])


if __name__ == "__main__":
    main()
