import subprocess
import sys


def test_importing_the_engine_does_not_import_django() -> None:
    code = (
        "import sys, clusterdev.engine, clusterdev.engine.synth, clusterdev.engine.api; "
        "print(any(m == 'django' or m.startswith('django.') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_public_functions_have_docstrings_with_examples() -> None:
    import clusterdev.engine as engine

    for name in ("map_register", "location_quotient", "load_rules", "list_rules"):
        doc = getattr(engine, name).__doc__ or ""
        assert "Examples" in doc and ">>>" in doc, name
