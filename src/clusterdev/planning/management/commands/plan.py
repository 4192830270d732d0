"""``clusterdev plan``: the finance and HR projection of a scenario (the seed's by default)."""

from __future__ import annotations

import copy
import csv
import json
import tomllib
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from clusterdev.planning import reading
from clusterdev.planning.cli_support import input_error, usage_error
from clusterdev.planning.model import (
    RATIO_POINTS,
    PlanningInputError,
    PlanResult,
    seed_mapping,
)

# Mapping key -> option, for error messages that name what the user typed.
OPTIONS = {
    "clusters": "--clusters",
    "groups": "--clusters",
    "clusters_per_year_max": "--per-year",
    "duration_years": "--duration",
    "cost_per_cluster_crore": "--cost-per-cluster",
    "first_year": "--start-year",
    "horizon_years": "--horizon",
    "spending_profile": "--profile",
    "inflation_rate": "--inflation",
    "discount_rate": "--discount",
    "ratio_point": "--ratio-point",
    "hr_base_year": "--hr-base-year",
    "hr_target_year": "--hr-target-year",
    "name": "--name",
}
YEAR_COLUMNS = [
    ("year", "Year"),
    ("new_clusters", "New clusters"),
    ("clusters_in_progress", "Clusters in progress"),
    ("spending_crore", "Spending (Rs crore)"),
    ("spending_nominal_crore", "Nominal (Rs crore)"),
    ("spending_discounted_crore", "Discounted (Rs crore)"),
]
HR_COLUMNS = [
    "role",
    "label",
    "required",
    "available",
    "gap",
    "education",
    "required_source",
    "training_needed_per_year",
    "training_capacity_per_year",
    "gap_closes_year",
]


def read_scenario_file(path: str) -> dict[str, Any]:
    """A scenario mapping from a TOML or JSON file (the keys of ``Scenario.from_mapping``)."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise usage_error(f"--scenario: cannot read {path}: {exc.strerror}") from None
    try:
        data = json.loads(text) if file.suffix.lower() == ".json" else tomllib.loads(text)
    except (ValueError, tomllib.TOMLDecodeError) as exc:
        raise usage_error(f"--scenario: {path} is not valid TOML or JSON: {exc}") from None
    if not isinstance(data, dict):
        raise usage_error(f"--scenario: {path} must hold one object (a table of inputs)")
    if isinstance(data.get("scenario"), dict) and "years" in data:
        data = data["scenario"]  # the JSON output of `clusterdev plan --format json`
    return data


def read_saved_scenario(slug: str) -> dict[str, Any]:
    """The inputs of a saved scenario (``seed``: the seed's)."""
    from clusterdev.planning.models import SEED_SLUG, SavedScenario

    if slug == SEED_SLUG:
        return copy.deepcopy(seed_mapping())
    saved = SavedScenario.objects.filter(slug=slug).first()
    if saved is None:
        raise usage_error(f"--saved: no saved scenario {slug!r} (see /api/planning/scenarios/)")
    return {**saved.inputs, "name": saved.slug}


class Command(BaseCommand):
    help = (
        "Project the spending and human resources of a cluster development programme. "
        "Without options: the seed's scenario (5,000 clusters, 1,000 a year, five-year "
        "initiatives at Rs 1 crore). Money in Rs crore."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--scenario", metavar="FILE", help="inputs from a TOML or JSON file")
        parser.add_argument(
            "--saved", metavar="SLUG", help="inputs of a scenario saved on the platform"
        )
        parser.add_argument("--clusters", metavar="N", help="clusters to cover (1 to 1,000,000)")
        parser.add_argument("--per-year", metavar="N", help="most clusters taken up in a year")
        parser.add_argument("--duration", metavar="YEARS", help="life of one initiative (1-50)")
        parser.add_argument(
            "--cost-per-cluster", metavar="CRORE", help="cost of one initiative, Rs crore (> 0)"
        )
        parser.add_argument("--start-year", metavar="YYYY", help="calendar year of year 1")
        parser.add_argument("--horizon", metavar="YEARS", help="years shown at least (def. 10)")
        parser.add_argument(
            "--profile",
            metavar="SHARES",
            help="share of a cluster's cost spent each year, e.g. 0.1,0.2,0.3,0.2,0.2 "
            "(adds up to 1; one per year of --duration), or 'even'",
        )
        parser.add_argument("--inflation", metavar="RATE", help="yearly inflation, 0.05 for 5 %%")
        parser.add_argument("--discount", metavar="RATE", help="yearly discount rate (0 to 1)")
        parser.add_argument("--ratio-point", choices=RATIO_POINTS, help="point of HR ranges")
        parser.add_argument("--hr-base-year", metavar="YYYY", help="year of HR availability")
        parser.add_argument("--hr-target-year", metavar="YYYY", help="year HR gaps should close")
        parser.add_argument("--name", help="name of the scenario")
        parser.add_argument(
            "--format", choices=["table", "json", "csv"], default="table", help="output format"
        )
        parser.add_argument(
            "--csv-table",
            choices=["years", "hr"],
            default="years",
            help="which table --format csv writes (default: years)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        mapping = self.mapping(options)
        try:
            result = reading.plan(mapping)
        except PlanningInputError as exc:
            raise input_error(exc, OPTIONS) from None
        if options["format"] == "json":
            self.stdout.write(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
        elif options["format"] == "csv":
            self.write_csv(result, options["csv_table"])
        else:
            self.write_tables(result)

    def mapping(self, options: dict[str, Any]) -> dict[str, Any]:
        if options["scenario"] and options["saved"]:
            raise usage_error("--scenario and --saved: give one or the other")
        if options["scenario"]:
            mapping = read_scenario_file(options["scenario"])
        elif options["saved"]:
            mapping = read_saved_scenario(options["saved"])
        else:
            mapping = copy.deepcopy(seed_mapping())
        given = {
            "clusters": options["clusters"],
            "clusters_per_year_max": options["per_year"],
            "duration_years": options["duration"],
            "cost_per_cluster_crore": options["cost_per_cluster"],
            "first_year": options["start_year"],
            "horizon_years": options["horizon"],
            "inflation_rate": options["inflation"],
            "discount_rate": options["discount"],
            "ratio_point": options["ratio_point"],
            "hr_base_year": options["hr_base_year"],
            "hr_target_year": options["hr_target_year"],
            "name": options["name"],
        }
        changed = {key: value for key, value in given.items() if value is not None}
        if (changed or options["profile"] is not None) and "name" not in changed:
            changed["name"] = f"{mapping.get('name') or 'custom'}-changed"
        mapping.update(changed)
        if options["profile"] is not None:
            text = options["profile"].strip()
            mapping["spending_profile"] = (
                "even" if text.lower() == "even" else [s.strip() for s in text.split(",")]
            )
        if options["start_year"] is not None and not (options["scenario"] or options["saved"]):
            # The seed's HR years follow its first year; move them with it unless given.
            for key in ("hr_base_year", "hr_target_year"):
                if options[key] is None:
                    mapping.pop(key, None)
        return mapping

    def write_csv(self, result: PlanResult, table: str) -> None:
        data = result.to_dict()
        writer = csv.writer(self.stdout, lineterminator="\n")
        if table == "hr":
            writer.writerow(HR_COLUMNS)
            for row in data["hr"]:
                writer.writerow(["" if row[key] is None else row[key] for key in HR_COLUMNS])
            return
        writer.writerow([key for key, _label in YEAR_COLUMNS])
        for row in data["years"]:
            writer.writerow([row[key] for key, _label in YEAR_COLUMNS])

    def write_tables(self, result: PlanResult) -> None:
        from rich.console import Console
        from rich.table import Table

        data = result.to_dict()
        console = Console(file=self.stdout, width=132, highlight=False, soft_wrap=False)
        scenario = data["scenario"]
        console.print(
            f"[bold]Scenario {scenario['name']}[/bold]: {scenario['clusters']:,} clusters, "
            f"at most {scenario['clusters_per_year_max']:,} a year, "
            f"{scenario['duration_years']}-year initiatives, first year {scenario['first_year']}"
        )
        years = Table(title="Spending by year (Rs crore)")
        for _key, label in YEAR_COLUMNS:
            years.add_column(label, justify="right")
        for row in data["years"]:
            years.add_row(str(row["year"]), *(_text(row[key]) for key, _label in YEAR_COLUMNS[1:]))
        console.print(years)
        totals = data["totals"]
        totals_table = Table(title="Totals (Rs crore)")
        for label in ("First 5 years", "Next 5 years", "After 10 years", "Gross"):
            totals_table.add_column(label, justify="right")
        totals_table.add_row(
            *(
                _text(totals[key])
                for key in ("first_5_years", "next_5_years", "after_10_years", "gross")
            )
        )
        console.print(totals_table)
        hr = Table(title="Human resources (persons)")
        for label, justify in (
            ("Role", "left"),
            ("Required", "right"),
            ("Ratio gives", "right"),
            ("Available", "right"),
            ("Gap", "right"),
            ("To train / yr", "right"),
            ("Capacity / yr", "right"),
            ("Gap closes", "right"),
        ):
            hr.add_column(label, justify=justify, no_wrap=True)  # type: ignore[arg-type]
        for row in data["hr"]:
            estimate = row["ratio_estimate"]
            ratio = f"{_text(estimate['low'])}-{_text(estimate['high'])}"
            hr.add_row(
                row["role"] + (" *" if row["override"] is not None else ""),
                _text(row["required"]),
                ratio,
                _text(row["available"]),
                _text(row["gap"]),
                _text(row["training_needed_per_year"]),
                _text(row["training_capacity_per_year"]),
                str(row["gap_closes_year"] or "-"),
            )
        hr_totals = data["hr_totals"]
        hr.add_row(
            "Total",
            _text(hr_totals["required"]),
            "",
            _text(hr_totals["available"]),
            _text(hr_totals["gap"]),
            _text(hr_totals["training_needed_per_year"]),
            _text(hr_totals["training_capacity_per_year"]),
            "",
        )
        console.print(hr)
        console.print(
            "* required is an explicit input (override); 'Ratio gives' is the range its "
            "ratio gives. Roles: "
            + "; ".join(
                f"{row['role']} = {row['label']} ({row['education']})" for row in data["hr"]
            )
        )
        console.print("[bold]Notes[/bold]")
        for note in data["notes"]:
            console.print(f"- {note}")


def _text(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)
