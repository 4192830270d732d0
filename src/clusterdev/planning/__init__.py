"""Resource planning for cluster development programmes.

The pure computation core (finance and human-resource projections, scheme
grant calculators and their dated rule files) lives in
:mod:`clusterdev.planning.model`; it imports nothing from Django so that the
CLI, the API and the tests can use it directly.
"""
