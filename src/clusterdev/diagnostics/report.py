"""Lines of the one-page initiative report for step 2."""

from __future__ import annotations

from collections import Counter

from clusterdev.diagnostics.panel import _measures


def report_lines(initiative) -> list[tuple[str, str]]:
    """Study dates, constraints by area, and the actor map's measures."""
    study = getattr(initiative, "diagnostic_study", None)
    constraints = list(initiative.constraints.all())
    measures = _measures(initiative)
    if study is None and not constraints and not measures.actors:
        return []
    lines = []
    if study is not None:
        lines.append(("Study", f"{study.started_on or '-'} to {study.completed_on or '-'}"))
    if constraints:
        areas = Counter(c.get_area_display() for c in constraints)
        lines.append(
            (
                "Constraints",
                f"{len(constraints)}: " + ", ".join(f"{a} {n}" for a, n in areas.items()),
            )
        )
    if measures.actors:
        lines.append(
            (
                "Actor map",
                f"{measures.actors} actors, {measures.ties} ties, density {measures.density}, "
                f"{measures.institutions_linked} institutions linked",
            )
        )
    return lines
