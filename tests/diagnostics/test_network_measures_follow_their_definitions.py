"""Density, components, isolated actors and institutions linked, as documented."""

from clusterdev.diagnostics import network


def test_density_counts_distinct_pairs_whatever_the_direction_or_kind():
    actors = [(1, "firm"), (2, "firm"), (3, "supplier")]
    m = network.measures(actors, [(1, 2), (2, 1), (1, 2), (2, 3)])
    assert (m.ties, m.linked_pairs) == (4, 2)
    assert m.density == round(2 / 3, 3)


def test_an_institution_counts_as_linked_only_with_a_tie():
    actors = [(1, "firm"), (2, "finance"), (3, "public_institution"), (4, "bmo")]
    m = network.measures(actors, [(1, 2), (1, 4)])
    assert m.institutions_linked == 2  # the finance institution and the BMO; not the isolated one
    assert m.isolated == [3]
    assert m.components == 2


def test_ties_to_unknown_actors_and_self_ties_are_ignored():
    m = network.measures([(1, "firm"), (2, "firm")], [(1, 1), (1, 99)])
    assert (m.ties, m.density, m.components) == (0, 0.0, 2)


def test_the_layout_is_deterministic_and_inside_the_drawing():
    actors = [(i, "firm" if i % 2 else "bmo") for i in range(1, 30)]
    first = network.circle_layout(actors)
    assert first == network.circle_layout(list(reversed(actors)))
    assert all(0 <= x <= 480 and 0 <= y <= 480 for x, y in first.values())
