"""`criticalmass import DATASET FILE`: its summary, its progress bar, its errors and exit status."""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from criticalmass.importers.registry import DATASETS
from criticalmass.parity.models import Observation
from tests.importers.helpers import PADD, PEACEKEEPING

CRITICALMASS = Path(sys.executable).parent / "criticalmass"


class Terminal(io.StringIO):
    """A stream that says it is a terminal, as stderr is when a person runs the command."""

    def isatty(self) -> bool:
        return True


def run(*args: str, stderr: io.StringIO | None = None) -> tuple[str, str]:
    out, err = io.StringIO(), stderr if stderr is not None else io.StringIO()
    call_command("import", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_it_prints_what_it_imported(db):
    out, err = run("peacekeeping-gender", str(PEACEKEEPING / "good.csv"))
    assert out.splitlines() == [
        "peacekeeping-gender: imported good.csv",
        "  rows read: 6",
        "  observations: 19 created, 0 updated, 0 unchanged, 0 removed",
        "  warnings: 0",
    ]
    assert err == ""


def test_it_prints_the_warnings_with_their_lines(db):
    out, _ = run("padd", str(PADD / "duplicated_agreement.csv"))
    assert out.endswith(
        "    line 6: AgtId 101 is also on line 2; line 2 is kept, this line is left out\n"
    )


def test_it_prints_the_second_import_as_unchanged(db):
    run("padd", str(PADD / "good.csv"))
    out, _ = run("padd", str(PADD / "good.csv"))
    assert "  observations: 0 created, 0 updated, 25 unchanged, 0 removed" in out


def many_warnings(tmp_path: Path, n: int) -> Path:
    """The good file plus n rows, on n days, whose police and total do not add up: 2n warnings."""
    rows = [f'"{i}",{dt.date(2015, 1, 1) + dt.timedelta(days=i)},"Ghana","GHA","UNMISS",1,1,3'
            + ",0" * 9 + ",1,1,3" for i in range(n)]
    path = tmp_path / "many.csv"
    path.write_text((PEACEKEEPING / "good.csv").read_text() + "\n".join(rows) + "\n")
    return path


def test_it_shows_the_first_twenty_warnings_and_counts_the_rest(db, tmp_path):
    out, _ = run("peacekeeping-gender", str(many_warnings(tmp_path, 15)), "--quiet")
    listed = [line for line in out.splitlines() if line.startswith("    line ")]
    assert "  warnings: 30" in out and len(listed) == 20
    assert listed[0] == (
        "    line 8: Individual Police: Male 1 + Female 1 = 2, but Total is 3; numbers kept as given"
    )
    assert out.endswith("    ... and 10 more (--all-warnings shows them all)\n")


def test_it_shows_every_warning_when_asked(db, tmp_path):
    out, _ = run("peacekeeping-gender", str(many_warnings(tmp_path, 15)), "--all-warnings")
    assert len([line for line in out.splitlines() if line.startswith("    line ")]) == 30
    assert "more (--all-warnings" not in out


def test_it_draws_a_progress_bar_on_a_terminal(db):
    _, err = run("padd", str(PADD / "good.csv"), stderr=Terminal())
    assert "padd" in err and "rows" in err


@pytest.mark.parametrize("stderr", [Terminal(), io.StringIO()], ids=["quiet", "not-a-terminal"])
def test_it_draws_no_progress_bar_when_quiet_or_not_on_a_terminal(db, stderr):
    args = ["padd", str(PADD / "good.csv")] + (["--quiet"] if isinstance(stderr, Terminal) else [])
    _, err = run(*args, stderr=stderr)
    assert err == ""


@pytest.mark.parametrize("args, message", [
    (["peacekeeping-gender", str(PEACEKEEPING / "bad_cell.csv")],
     "bad_cell.csv, line 4, column 'Troops Female': 'x' is not a whole number"),
    (["padd", str(PEACEKEEPING / "good.csv")],
     "good.csv is not in the expected format; missing columns: 'Adv_N', 'AgtId', 'Con', "),
    (["acled", str(PADD / "good.csv")],
     "unknown dataset 'acled'; known datasets: " + ", ".join(sorted(DATASETS))),
    (["padd", "/nowhere/padd.csv"], "/nowhere/padd.csv: no such file"),
])
def test_it_fails_with_one_clear_line_and_imports_nothing(db, args, message):
    with pytest.raises(CommandError) as error:
        run(*args)
    assert str(error.value).startswith(message) and "\n" not in str(error.value)
    assert not Observation.objects.exists()


def cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    database = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    env = os.environ | {"DATABASE_URL": database, "CRITICALMASS_DEBUG": "false"}
    return subprocess.run([str(CRITICALMASS), *args], capture_output=True, text=True, env=env, timeout=120,
                          check=False)


def test_it_exits_with_status_1_and_no_traceback_on_a_bad_file(tmp_path):
    result = cli(tmp_path, "import", "peacekeeping-gender", str(PEACEKEEPING / "wrong_columns.csv"))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "CommandError: wrong_columns.csv is not in the expected format; missing columns: 'Total Total', "
        "'Troops Male'; unexpected columns: 'Staff Officers Total', 'Troops Men'"
    ]
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_it_exits_with_status_0_after_an_import_from_the_shell(tmp_path):
    assert cli(tmp_path, "migrate", "--verbosity", "0").returncode == 0
    result = cli(tmp_path, "import", "padd", str(PADD / "inconsistent.csv"))
    assert (result.returncode, result.stderr) == (0, "")
    assert "  observations: 25 created, 0 updated, 0 unchanged, 0 removed\n  warnings: 5\n" in result.stdout
