"""The normalisation rule, in Python and as a DuckDB expression."""

from clusterdev.gazetteer import NORMALISE_SQL, display_name, normalise, normalise_sql

TRICKY_NAMES = [
    "Jammu & Kashmir",
    "  North  & Middle Andaman ",
    "Y.S.R. Kadapa",
    "Bihār",
    "Arunāchal Pradesh",
    "KAIMUR (BHABUA)",
    "Janjgir - Champa",
    "24 PARAGANAS NORTH",
    "Leh(Ladakh)",
    "S.A.S Nagar",
    "Almora\n",
    "Dadra & Nagar Haveli and Daman & Diu",
    "Mahārāshtra",
    "Tamil Nādu",
    "",
]


def test_lowercases_and_drops_everything_but_letters_and_digits() -> None:
    assert normalise("  Y.S.R. (Kadapa)-district ") == "ysrkadapadistrict"


def test_ampersand_counts_as_and() -> None:
    assert normalise("Jammu & Kashmir") == normalise("JAMMU AND KASHMIR")


def test_diacritics_fold_to_plain_letters() -> None:
    assert normalise("Mahārāshtra") == "maharashtra"


def test_digits_are_kept() -> None:
    assert normalise("North 24 Parganas") == "north24parganas"


def test_sql_expression_inserts_the_column() -> None:
    assert normalise_sql("t.name") == NORMALISE_SQL.format(col="t.name")
    assert "t.name" in normalise_sql("t.name")


def test_duckdb_expression_agrees_with_python_on_tricky_names() -> None:
    import duckdb

    con = duckdb.connect()
    con.execute("CREATE TABLE names (name VARCHAR)")
    con.executemany("INSERT INTO names VALUES (?)", [(n,) for n in TRICKY_NAMES])
    rows = con.execute(f"SELECT name, {normalise_sql('name')} FROM names").fetchall()
    assert {name: key for name, key in rows} == {n: normalise(n) for n in TRICKY_NAMES}


def test_display_name_title_cases_india_post_labels() -> None:
    assert display_name("AHMADABAD") == "Ahmadabad"
    assert display_name("NORTH AND MIDDLE ANDAMAN") == "North and Middle Andaman"
    assert display_name("NTR") == "NTR"
    assert display_name("24 PARAGANAS  NORTH") == "24 Paraganas North"
    assert display_name("JANJGIR-CHAMPA") == "Janjgir-Champa"
