"""parity/data/missions.csv: the project's own list of the UN missions the peacekeeping files have."""

from __future__ import annotations

from criticalmass.core.models import Country
from criticalmass.importers.peacekeeping_gender.mapping import load_missions

IN_THE_FILE = [
    "BINUB", "BNUB", "MINURCAT", "MINURSO", "MINUSMA", "MINUSTAH", "MONUC", "MONUSCO", "UNAMA", "UNAMI",
    "UNAMID", "UNDOF", "UNFICYP", "UNIFIL", "UNISFA", "UNMIK", "UNMIL", "UNMIN", "UNMIS", "UNMISS", "UNMIT",
    "UNMOGIP", "UNOCI", "UNSMIS", "UNTSO",
]
# Missions of the UN's monthly reports 2015-2025 that IPI's file (to Feb 2014) does not have; their
# dates are left blank (PKOC's start months fill those it has: criticalmass import pkoc-missions).
IN_THE_UN_REPORTS_ONLY = [
    "BINUH", "MINUJUSTH", "MINUSCA", "UNIOGBIS", "UNITAMS", "UNMC", "UNMHA", "UNSMIL", "UNSOM", "UNVMC",
]


def test_it_lists_every_mission_of_the_peacekeeping_files():
    assert sorted(load_missions()) == sorted(IN_THE_FILE + IN_THE_UN_REPORTS_ONLY)


def test_it_gives_every_mission_its_full_name():
    for code, mission in load_missions().items():
        assert mission.code == code
        assert mission.name.startswith(("United Nations", "African Union-United Nations")), code


def test_it_names_host_countries_that_exist(db):
    hosts = {mission.host_iso3 for mission in load_missions().values()} - {None}
    assert hosts <= set(Country.objects.values_list("iso3", flat=True))


def test_it_has_no_mission_ending_before_it_starts():
    for code, mission in load_missions().items():
        if mission.start_date and mission.end_date:
            assert mission.start_date < mission.end_date, code
