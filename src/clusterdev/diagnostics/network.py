"""Measures and a drawing of a cluster actor map. Pure Python: no Django import.

Ties are read as undirected links between two actors: "A supplies B" and "B sells through A"
join the same pair, so density counts distinct linked pairs.

>>> m = measures([(1, "firm"), (2, "firm"), (3, "bmo"), (4, "buyer")], [(1, 2), (1, 3), (2, 3)])
>>> (m.actors, m.ties, m.linked_pairs, m.density, m.components, m.institutions_linked)
(4, 3, 3, 0.5, 2, 1)
>>> m.isolated
[4]
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

INSTITUTION_KINDS = frozenset({"bds_provider", "bmo", "public_institution", "finance", "regulator"})


@dataclass(frozen=True)
class Measures:
    actors: int
    ties: int
    linked_pairs: int
    density: float
    components: int
    institutions_linked: int
    by_kind: dict[str, int] = field(default_factory=dict)
    degree: dict[int, int] = field(default_factory=dict)
    isolated: list[int] = field(default_factory=list)


def measures(actors: Sequence[tuple[int, str]], ties: Iterable[tuple[int, int]]) -> Measures:
    """Counts, density (linked pairs over possible pairs), degree, components, isolated actors
    and support institutions with at least one tie.

    >>> measures([], []).density
    0.0
    >>> measures([(1, "firm"), (2, "finance")], [(1, 2), (2, 1)]).linked_pairs
    1
    """
    ids = [actor_id for actor_id, _ in actors]
    known = set(ids)
    tie_list = [(a, b) for a, b in ties if a in known and b in known and a != b]
    pairs = {(min(a, b), max(a, b)) for a, b in tie_list}
    neighbours: dict[int, set[int]] = defaultdict(set)
    for a, b in pairs:
        neighbours[a].add(b)
        neighbours[b].add(a)
    n = len(ids)
    possible = n * (n - 1) / 2
    density = round(len(pairs) / possible, 3) if possible else 0.0
    kinds = dict(actors)
    return Measures(
        actors=n,
        ties=len(tie_list),
        linked_pairs=len(pairs),
        density=density,
        components=_components(ids, neighbours),
        institutions_linked=sum(
            1 for i in ids if kinds[i] in INSTITUTION_KINDS and neighbours.get(i)
        ),
        by_kind=dict(sorted(Counter(kinds.values()).items())),
        degree={i: len(neighbours.get(i, ())) for i in ids},
        isolated=[i for i in ids if not neighbours.get(i)],
    )


def _components(ids: list[int], neighbours: dict[int, set[int]]) -> int:
    seen: set[int] = set()
    count = 0
    for start in ids:
        if start in seen:
            continue
        count += 1
        stack = [start]
        seen.add(start)
        while stack:
            for other in neighbours.get(stack.pop(), ()):
                if other not in seen:
                    seen.add(other)
                    stack.append(other)
    return count


def circle_layout(
    actors: Sequence[tuple[int, str]], size: float = 480.0, margin: float = 70.0
) -> dict[int, tuple[float, float]]:
    """Actors on a circle, grouped by kind (so each kind forms an arc), in the given order.

    Deterministic: the same map is always drawn the same way.

    >>> circle_layout([(7, "firm")])
    {7: (240.0, 70.0)}
    """
    ordered = sorted(actors, key=lambda a: (a[1], a[0]))
    radius = size / 2 - margin
    centre = size / 2
    positions = {}
    for index, (actor_id, _) in enumerate(ordered):
        angle = 2 * math.pi * index / max(len(ordered), 1) - math.pi / 2
        positions[actor_id] = (
            round(centre + radius * math.cos(angle), 1),
            round(centre + radius * math.sin(angle), 1),
        )
    return positions
