"""An initiative's actor map as the pages and the API show it: measures and a drawing."""

from __future__ import annotations

from dataclasses import dataclass

from clusterdev.diagnostics import network
from clusterdev.diagnostics.choices import ActorKind
from clusterdev.diagnostics.models import Actor, Tie

# One colour per kind of actor (readable on white, distinct in greyscale by order).
COLOURS = {
    "firm": "#0b5d5b", "supplier": "#2563eb", "buyer": "#7c3aed", "subcontractor": "#0891b2",
    "bds_provider": "#c2410c", "bmo": "#b45309", "public_institution": "#be123c",
    "finance": "#4d7c0f", "regulator": "#525252", "other": "#94a3b8",
}  # fmt: skip


@dataclass
class ActorMap:
    actors: list
    ties: list
    measures: network.Measures
    nodes: list
    lines: list
    legend: list


def actor_map(initiative) -> ActorMap:
    actors = list(Actor.objects.filter(initiative=initiative).select_related("institution"))
    ties = list(Tie.objects.filter(initiative=initiative).select_related("source", "target"))
    pairs = [(a.pk, a.kind) for a in actors]
    result = network.measures(pairs, [(t.source_id, t.target_id) for t in ties])
    for actor in actors:
        actor.degree = result.degree.get(actor.pk, 0)
    positions = network.circle_layout(pairs)
    nodes = [
        {
            "x": positions[a.pk][0],
            "y": positions[a.pk][1],
            "r": 6 + min(a.degree, 10),
            "label": a.name,
            "title": f"{a.name} ({a.get_kind_display()}, {a.degree} ties)",
            "colour": COLOURS.get(a.kind, "#94a3b8"),
            "anchor": "start" if positions[a.pk][0] >= 240 else "end",
            "dx": 10 if positions[a.pk][0] >= 240 else -10,
        }
        for a in actors
    ]
    lines = [
        {
            "x1": positions[t.source_id][0],
            "y1": positions[t.source_id][1],
            "x2": positions[t.target_id][0],
            "y2": positions[t.target_id][1],
            "width": t.strength,
            "title": str(t),
        }
        for t in ties
    ]
    labels = dict(ActorKind.choices)
    legend = [
        {"label": labels[kind], "colour": COLOURS.get(kind, "#94a3b8"), "count": count}
        for kind, count in result.by_kind.items()
    ]
    return ActorMap(actors, ties, result, nodes, lines, legend)
