"""The portfolio: every initiative the viewer may see, counted by institution, state, type,
step and status, and placed on the map. A fixed number of queries, whatever the portfolio size."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, QuerySet
from django.urls import reverse

from clusterdev.core import svg
from clusterdev.geography.models import District
from clusterdev.initiatives import choices
from clusterdev.initiatives.models import Initiative
from clusterdev.registry.choices import Typology


@dataclass
class Portfolio:
    total: int = 0
    by_institution: list = field(default_factory=list)
    by_state: list = field(default_factory=list)
    by_typology: list = field(default_factory=list)
    by_step: list = field(default_factory=list)
    by_status: list = field(default_factory=list)
    map_symbols: list = field(default_factory=list)
    rows: list = field(default_factory=list)


def _bars(counter: Counter, label_of=lambda key: key, url_of=lambda key: "") -> list:
    rows = sorted(counter.items(), key=lambda item: (-item[1], str(label_of(item[0]))))
    return svg.bars([(str(label_of(key)), value, url_of(key)) for key, value in rows])


def build(initiatives: QuerySet[Initiative]) -> Portfolio:
    """Counts and map of ``initiatives`` (already limited to what the viewer may see)."""
    rows = list(
        initiatives.order_by("title", "pk")
        .select_related("institution", "cluster")
        .prefetch_related(
            Prefetch("cluster__districts", queryset=District.objects.select_related("state"))
        )
    )
    result = Portfolio(total=len(rows), rows=rows)
    institutions: Counter = Counter()
    slugs: dict[str, str] = {}
    states: Counter = Counter()
    state_codes: dict[str, str] = {}
    typologies: Counter = Counter()
    per_cluster: dict[int, list[Initiative]] = defaultdict(list)
    for row in rows:
        institutions[row.institution.short_name or row.institution.name] += 1
        slugs[row.institution.short_name or row.institution.name] = row.institution.slug
        names = set()
        for district in row.cluster.districts.all():
            names.add(district.state.name)
            state_codes[district.state.name] = district.state.code
        for name in names:  # a cluster across a state line counts in both states
            states[name] += 1
        typologies[row.cluster.typology] += 1
        per_cluster[row.cluster_id].append(row)
    list_url = reverse("initiatives:list")
    result.by_institution = _bars(
        institutions, url_of=lambda key: f"{list_url}?institution={slugs[key]}"
    )
    result.by_state = _bars(states, url_of=lambda key: f"{list_url}?state={state_codes[key]}")
    typology_labels = dict(Typology.choices)
    result.by_typology = _bars(
        typologies,
        label_of=lambda key: typology_labels.get(key, key),
        url_of=lambda key: f"{list_url}?typology={key}",
    )
    step_counts = Counter(row.step for row in rows)
    result.by_step = svg.bars(
        [
            (f"{number}. {label}", step_counts.get(number, 0), f"{list_url}?step={number}")
            for number, label in choices.Step.choices
        ]
    )
    status_counts = Counter(row.status for row in rows)
    result.by_status = svg.bars(
        [
            (label, status_counts.get(value, 0), f"{list_url}?status={value}")
            for value, label in choices.Status.choices
        ]
    )
    points = []
    for group in per_cluster.values():
        cluster = group[0].cluster
        centroid = cluster.centroid()
        if centroid:
            label = f"{cluster.name}: " + "; ".join(i.title for i in group)
            url = group[0].get_absolute_url() if len(group) == 1 else cluster.get_absolute_url()
            points.append((centroid[0], centroid[1], float(len(group)), label, url))
    result.map_symbols = svg.symbols(points, max_radius=12.0)
    return result


def step_counts_by_institution(initiatives: QuerySet[Initiative]) -> list[dict]:
    """Per institution: initiatives in each step (rows of the portfolio table)."""
    table: dict[str, dict] = {}
    for row in (
        initiatives.order_by()
        .values("institution__name", "institution__slug", "step")
        .annotate(n=Count("pk", distinct=True))
    ):
        entry = table.setdefault(
            row["institution__slug"],
            {"name": row["institution__name"], "slug": row["institution__slug"], "steps": {}},
        )
        entry["steps"][row["step"]] = row["n"]
    result = []
    for entry in sorted(table.values(), key=lambda e: e["name"]):
        entry["cells"] = [entry["steps"].get(number, 0) for number, _ in choices.Step.choices]
        entry["total"] = sum(entry["cells"])
        result.append(entry)
    return result
