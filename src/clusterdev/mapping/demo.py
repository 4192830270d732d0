"""The synthetic register the demo maps, so a newcomer sees candidate clusters at once."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from clusterdev.engine.synth import synthesise

DEMO_ENTERPRISES = 20_000
DEMO_SEED = 2005  # same seed, same register, on every machine


def demo_register() -> Path:
    """Path of the demo register, generated once (deterministically) under var/."""
    path = Path(settings.VAR_DIR) / "mapping" / "demo-register.csv"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        synthesise(path, enterprises=DEMO_ENTERPRISES, seed=DEMO_SEED)
    return path
