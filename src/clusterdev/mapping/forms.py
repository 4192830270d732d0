from __future__ import annotations

from typing import Any

from django import forms

from clusterdev.engine import list_rules, load_rules

MAX_UPLOAD_MB = 512


def rule_choices() -> list[tuple[str, str]]:
    return [(name, f"{name}: {load_rules(path).title}") for name, path in list_rules().items()]


class StartRunForm(forms.Form):
    title = forms.CharField(max_length=200, help_text="A name to find this run by later")
    register = forms.FileField(
        required=False,
        help_text="CSV with a header, or Parquet (columns in docs/engine.md). "
        "Leave empty to map the demo's synthetic register.",
    )
    rules = forms.ChoiceField(choices=rule_choices, initial="fmc-observatory")
    product_level = forms.TypedChoiceField(
        coerce=int,
        initial=4,
        choices=[
            (2, "NIC division (2 digits)"),
            (3, "group (3)"),
            (4, "class (4)"),
            (5, "subclass (5)"),
        ],
        help_text="How alike enterprises' products must be to count as one cluster",
    )
    engine = forms.ChoiceField(
        choices=[("duckdb", "DuckDB (this machine)"), ("spark", "Apache Spark")]
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["rules"].choices = rule_choices()

    def clean_register(self) -> Any:
        upload = self.cleaned_data.get("register")
        if upload is None:
            return None
        name = upload.name.lower()
        if not name.endswith((".csv", ".parquet")):
            raise forms.ValidationError("Upload a .csv or .parquet file.")
        if upload.size > MAX_UPLOAD_MB * 1024 * 1024:
            raise forms.ValidationError(
                f"The file is over {MAX_UPLOAD_MB} MB; map it with the CLI."
            )
        return upload
