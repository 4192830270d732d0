"""Command-line front end of the mapping engine (``clusterdev map``, ``rules``, ``synth``).

The commands are thin: all logic lives in :mod:`clusterdev.engine`.
"""
