"""``clusterdev grant``: a scheme's grant for a project, who pays the rest, and the rule."""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from clusterdev.planning import reading
from clusterdev.planning.catalogue import scheme_catalogue
from clusterdev.planning.cli_support import input_error, usage_error
from clusterdev.planning.model import (
    CATEGORIES,
    PlanningInputError,
    find_scheme,
    load_schemes,
    split_revenue,
)

OPTIONS = {
    "scheme": "SCHEME",
    "component": "COMPONENT",
    "project_cost_crore": "--cost",
    "amount_crore": "--cost",
    "category": "--category",
    "version": "--scheme-version",
    "on": "--on",
    "industry_crore": "--industry",
    "state_crore": "--state",
    "others_crore": "--others",
    "contributions": "--industry/--state/--others",
    "spv_members": "--spv-members",
    "largest_member_equity_share": "--largest-member-share",
    "land_cost_crore": "--land",
    "artisans": "--artisans",
}


class Command(BaseCommand):
    help = (
        "Work out a scheme grant (IIUS, MSE-CDP, SFURTI) for a project: grant, each party's "
        "share, the ceiling that bound, the gap left, the rule and its source. "
        "`clusterdev grant --list` lists schemes, versions and components."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("scheme", nargs="?", help="scheme key, e.g. mse-cdp")
        parser.add_argument("component", nargs="?", help="component key, e.g. cfc")
        parser.add_argument("--list", action="store_true", help="list schemes and components")
        parser.add_argument("--cost", metavar="CRORE", help="project cost, Rs crore (> 0)")
        parser.add_argument("--category", choices=CATEGORIES, help="general or special")
        parser.add_argument("--special", action="store_true", help="same as --category special")
        parser.add_argument(
            "--scheme-version",
            metavar="VERSION",
            help="scheme version, e.g. 2019 (default: latest)",
        )
        parser.add_argument("--on", metavar="YYYY-MM-DD", help="use the rules in force that day")
        parser.add_argument("--industry", metavar="CRORE", help="industry / SPV contribution")
        parser.add_argument("--state", metavar="CRORE", help="state government contribution")
        parser.add_argument("--others", metavar="CRORE", help="other contributions")
        parser.add_argument("--spv-members", metavar="N", help="member units of the SPV")
        parser.add_argument(
            "--largest-member-share", metavar="SHARE", help="largest member's equity share (0-1)"
        )
        parser.add_argument("--land", metavar="CRORE", help="cost of land within the project")
        parser.add_argument("--artisans", metavar="N", help="artisans in the cluster (SFURTI)")
        parser.add_argument("--format", choices=["table", "json"], default="table")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["list"]:
            self.list_schemes(options["format"])
            return
        if not options["scheme"]:
            raise usage_error(
                "SCHEME is required (or --list); allowed: "
                + ", ".join(sorted({r.scheme for r in load_schemes()}))
            )
        try:
            rules = find_scheme(options["scheme"].lower(), options["scheme_version"])
        except PlanningInputError as exc:
            raise input_error(exc, OPTIONS) from None
        if rules.kind == "revenue_split":
            self.split(options)
            return
        if not options["component"]:
            allowed = ", ".join(c.key for c in rules.components)
            raise usage_error(f"COMPONENT is required for {rules.scheme}; allowed: {allowed}")
        category = "special" if options["special"] else options["category"]
        mapping = {
            "scheme": options["scheme"],
            "component": options["component"],
            "project_cost_crore": options["cost"],
            "category": category,
            "version": options["scheme_version"],
            "on": options["on"],
            "industry_crore": options["industry"],
            "state_crore": options["state"],
            "others_crore": options["others"],
            "spv_members": options["spv_members"],
            "largest_member_equity_share": options["largest_member_share"],
            "land_cost_crore": options["land"],
            "artisans": options["artisans"],
        }
        mapping = {key: value for key, value in mapping.items() if value is not None}
        try:
            result = reading.grant(mapping)
        except PlanningInputError as exc:
            raise input_error(exc, OPTIONS) from None
        data = result.to_dict()
        if options["format"] == "json":
            self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))
            return
        self.stdout.write(
            f"{data['scheme']} {data['version']}, {data['component']} ({data['category']}): "
            f"project cost Rs {data['project_cost_crore']} crore"
        )
        self.stdout.write(
            f"Grant: Rs {data['grant_crore']} crore ({_percent(data['grant_share'])} of an "
            f"eligible cost of Rs {data['eligible_cost_crore']} crore)"
        )
        self.stdout.write("Shares of the project cost:")
        for party in data["parties"]:
            given = "" if party["given"] else " (not given)"
            self.stdout.write(
                f"  {party['label']:<42} Rs {party['amount_crore']:>10} crore "
                f"{party['percent']:>7} %{given}"
            )
        ceiling = data["ceiling"]
        self.stdout.write("Binding ceiling: " + (ceiling["text"] if ceiling else "none"))
        self.stdout.write(f"Gap left to fund: Rs {data['gap_crore']} crore")
        if data["band"]:
            self.stdout.write(f"Cost band: {data['band']}")
        if data["size_class"]:
            self.stdout.write(f"Cluster class: {data['size_class']}")
        self.stdout.write("Rule: " + data["rule_text"])
        self.stdout.write("Source: " + data["citation"])
        for check in data["checks_passed"]:
            self.stdout.write("Checked: " + check)
        for check in data["checks_skipped"]:
            self.stdout.write("Not checked: " + check)
        for note in data["notes"]:
            self.stdout.write("Note: " + note)

    def split(self, options: dict[str, Any]) -> None:
        try:
            amount = Decimal(options["cost"] or "")
        except InvalidOperation:
            raise usage_error(
                f"--cost: the revenue to split, a number ≥ 0 (Rs crore); got {options['cost']!r}"
            ) from None
        try:
            result = split_revenue(
                amount, options["scheme"].lower(), options["component"], options["scheme_version"]
            )
        except PlanningInputError as exc:
            raise input_error(exc, OPTIONS) from None
        data = result.to_dict()
        if options["format"] == "json":
            self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))
            return
        self.stdout.write(f"{data['scheme']} {data['version']}, {data['component']}:")
        for party in data["parties"]:
            self.stdout.write(
                f"  {party['label']:<42} Rs {party['amount_crore']:>10} crore "
                f"{party['percent']:>7} %"
            )
        self.stdout.write("Rule: " + data["rule_text"])
        self.stdout.write("Source: " + data["citation"])
        for note in data["notes"]:
            self.stdout.write("Note: " + note)

    def list_schemes(self, fmt: str) -> None:
        schemes = scheme_catalogue()
        if fmt == "json":
            self.stdout.write(json.dumps(schemes, indent=2, ensure_ascii=False))
            return
        for scheme in schemes:
            kind = "" if scheme["kind"] == "grant" else f" [{scheme['kind'].replace('_', ' ')}]"
            self.stdout.write(
                f"{scheme['scheme']} {scheme['version']}{kind}: {scheme['title']} "
                f"(in force {scheme['in_force']})"
            )
            for component in scheme["components"]:
                self.stdout.write(f"  {component['key']:<22} {component['label']}")


def _percent(share: Any) -> str:
    return f"{(Decimal(str(share)) * 100).normalize():f} %"
