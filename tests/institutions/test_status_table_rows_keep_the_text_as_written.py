"""The 34 rows of the 2005 status table keep their counts as written; "?" stays uncertain."""

import pytest

from clusterdev.institutions.models import StatusRow, parse_counts

pytestmark = pytest.mark.django_db


def test_all_34_rows_are_loaded_in_order_with_their_raw_counts() -> None:
    rows = list(StatusRow.objects.filter(table__key="status-2005").order_by("order"))
    assert len(rows) == 34
    assert [r.order for r in rows] == list(range(1, 35))
    assert rows[0].counts_as_written == "12+ (3)"
    assert (rows[0].completed, rows[0].in_progress) == (12, 3)


def test_a_question_mark_is_kept_and_flagged_uncertain() -> None:
    ruda = StatusRow.objects.get(institution__slug="ruda")
    assert ruda.counts_as_written == "8? + (5)"
    assert (ruda.completed, ruda.in_progress, ruda.uncertain) == (8, 5, True)
    assert list(StatusRow.objects.filter(uncertain=True)) == [ruda]


def test_a_single_number_has_no_in_progress_figure() -> None:
    nabard = StatusRow.objects.get(institution__slug="nabard")
    assert nabard.counts_as_written == "60"
    assert (nabard.completed, nabard.in_progress, nabard.uncertain) == (60, None, False)


def test_other_columns_are_kept_as_written() -> None:
    orissa = StatusRow.objects.get(institution__slug="orissa-industries")
    assert orissa.experience_as_written == "½"
    assert orissa.institution.years_of_experience == pytest.approx(0.5)
    gujarat = StatusRow.objects.get(institution__slug="gujarat-industries")
    assert gujarat.roles_as_written == "P, F [G.Im. (Te., Inf)]"


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("12+ (3)", (12, 3, False)),
        ("0 + (314)", (0, 314, False)),
        ("8? + (5)", (8, 5, True)),
        ("3 + (4?)", (3, 4, True)),
        ("60", (60, None, False)),
    ],
)
def test_counts_are_parsed_from_the_table_shape(text: str, parsed: tuple) -> None:  # type: ignore[type-arg]
    assert parse_counts(text) == parsed


@pytest.mark.parametrize("text", ["", "about 8", "8 + 5", "(5)", "-3"])
def test_text_of_another_shape_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="completed"):
        parse_counts(text)
