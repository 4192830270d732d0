"""docs/settings.md lists every setting with its help text and default (Datasette's rule)."""

from pathlib import Path

from clusterdev import conf

DOC = Path(__file__).resolve().parents[2] / "docs" / "settings.md"


def test_every_setting_is_documented_with_its_help() -> None:
    text = DOC.read_text()
    for setting in conf.SETTINGS:
        assert f"`{setting.name}`" in text, f"{setting.name} is missing from docs/settings.md"
        assert setting.help in text, f"the help of {setting.name} differs from docs/settings.md"


def test_docs_name_no_setting_the_code_does_not_read() -> None:
    import re

    documented = set(re.findall(r"^### `([A-Z_]+)`", DOC.read_text(), flags=re.M))
    assert documented == {setting.name for setting in conf.SETTINGS}
