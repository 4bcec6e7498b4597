"""The evidence seed: carried over from the research notes, graded, and free of known misattributions."""

from __future__ import annotations

import json
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from criticalmass.hub import seed
from criticalmass.hub.models import Evidence, Grade

FORBIDDEN = [r"\b1\s+in\s+13\b", r"harvard (study|research)", r"64\s*%"]


def records() -> list[dict]:
    return json.loads(seed.DATA_FILE.read_text())


def test_it_seeds_every_record_of_the_data_file(db):
    assert Evidence.objects.count() == len(records()) >= 25
    assert set(Evidence.objects.values_list("slug", flat=True)) == {r["slug"] for r in records()}


def test_it_never_states_a_known_misattribution_as_a_claim(db):
    for item in Evidence.objects.all():
        for pattern in FORBIDDEN:
            assert not re.search(pattern, item.claim, re.I), (item.slug, pattern)
    stone = Evidence.objects.get(slug="stone-durability")
    assert "Global Study" not in stone.source_title and "International Peace Institute" in stone.source_org
    assert "civil society" in Evidence.objects.get(slug="civil-society-durability").claim


@pytest.mark.parametrize(
    "claim",
    [
        "Women are 1 in 13 participants in peace processes.",
        "A Harvard study found the treatment of women is the best predictor of war.",
        "Peace agreements are 64% less likely to fail when women take part.",
    ],
)
def test_it_refuses_a_record_that_repeats_a_misattribution(db, tmp_path, claim):
    bad = [{**records()[0], "slug": "bad", "claim": claim}]
    (tmp_path / "bad.json").write_text(json.dumps(bad))
    with pytest.raises(seed.SeedError, match="misattribution"):
        seed.load(tmp_path / "bad.json")
    assert not Evidence.objects.filter(slug="bad").exists()


def test_it_refuses_the_35_percent_figure_attributed_to_the_global_study(db, tmp_path):
    bad = [{**records()[0], "slug": "bad", "number": 35, "source_title": "Global Study on 1325"}]
    (tmp_path / "bad.json").write_text(json.dumps(bad))
    with pytest.raises(seed.SeedError, match="Stone"):
        seed.load(tmp_path / "bad.json")


def test_it_grades_the_seed_honestly_with_only_verified_items_public(db):
    grades = set(Evidence.objects.values_list("grade", flat=True))
    assert grades == set(Grade.values)
    assert all(item.grade == Grade.VERIFIED for item in Evidence.objects.public())
    assert Evidence.objects.get(slug="ugps-2028-justice-corrections").grade == Grade.INFERRED


def test_it_links_counter_evidence_to_the_claims_it_qualifies(db):
    review = Evidence.objects.get(slug="systematic-review-instrumentalist")
    assert "signatories-durable-peace" in {q.slug for q in review.qualifies.all()}
    assert review in Evidence.objects.get(slug="signatories-durable-peace").qualified_by.all()


def test_it_loads_the_same_file_twice_without_changing_anything(db):
    assert seed.load() == {"created": 0, "updated": 0, "unchanged": len(records())}


def test_it_updates_a_changed_record_by_slug(db, tmp_path):
    changed = records()
    changed[0]["claim"] = "A reworded claim."
    (tmp_path / "e.json").write_text(json.dumps(changed))
    assert seed.load(tmp_path / "e.json")["updated"] == 1
    assert Evidence.objects.get(slug=changed[0]["slug"]).claim == "A reworded claim."


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"grade": "rumour"}, "grade 'rumour' is not one of"),
        ({"arguments": ["charm"]}, "unknown arguments: charm"),
        ({"number": "many"}, "number 'many' is not a number"),
        ({"qualifies": ["no-such-item"]}, "qualifies unknown items: no-such-item"),
        ({"claim": ""}, "missing claim"),
    ],
)
def test_it_names_the_record_and_the_problem_and_writes_nothing(db, tmp_path, change, message):
    bad = records()
    bad[0] = {**bad[0], "slug": "brand-new"}
    bad[1] = {**bad[1], **change}
    (tmp_path / "bad.json").write_text(json.dumps(bad))
    with pytest.raises(seed.SeedError, match=re.escape(message)) as error:
        seed.load(tmp_path / "bad.json")
    assert "record 2" in str(error.value)
    assert not Evidence.objects.filter(slug="brand-new").exists()


def test_it_reports_a_file_that_is_not_json_in_one_line(db, tmp_path):
    (tmp_path / "bad.json").write_text("{not json")
    with pytest.raises(CommandError, match="cannot read it as JSON"):
        call_command("load_evidence", str(tmp_path / "bad.json"))


def test_it_loads_evidence_from_the_command_line(db, capsys):
    call_command("load_evidence")
    assert f"0 created, 0 updated, {len(records())} unchanged" in capsys.readouterr().out
