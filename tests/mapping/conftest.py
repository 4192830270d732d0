from pathlib import Path

import pytest

from clusterdev.engine.synth import synthesise


@pytest.fixture(scope="session")
def small_register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("register") / "register.csv"
    synthesise(path, enterprises=6000, seed=11)
    return path
