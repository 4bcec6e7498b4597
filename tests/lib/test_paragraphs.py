"""A draft split into numbered paragraphs, the unit invitees comment on."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from criticalmass.lib.paragraphs import split

LINE = st.text(alphabet=st.characters(blacklist_categories=["Cs", "Zl", "Zp"],
                                      blacklist_characters="\r\n\x0b\x0c\x1c\x1d\x1e\x85"), max_size=30)


def test_it_numbers_paragraphs_separated_by_blank_lines_from_one():
    found = split("We commit.\nTo parity.\n\n  \nWe report.\r\n\r\nWe listen.")
    assert [(p.number, p.text) for p in found] == [(1, "We commit.\nTo parity."), (2, "We report."),
                                                   (3, "We listen.")]


def test_it_finds_no_paragraph_in_a_blank_text():
    assert split("") == [] and split(" \n\n\t\n") == []


@given(st.lists(st.lists(LINE.filter(lambda line: line.strip() != ""), min_size=1, max_size=4), max_size=6))
def test_it_gives_back_each_paragraph_in_order_whatever_the_blank_lines_between(blocks):
    text = "\n\n \n".join("\n".join(lines) for lines in blocks)
    found = split(text)
    assert [p.number for p in found] == list(range(1, len(blocks) + 1))
    assert [p.text for p in found] == ["\n".join(line.rstrip() for line in lines) for lines in blocks]


@given(st.text(max_size=200))
def test_it_never_loses_a_word_nor_makes_an_empty_paragraph(text):
    found = split(text)
    assert all(p.text.strip() for p in found)
    assert [word for p in found for word in p.text.split()] == text.split()
