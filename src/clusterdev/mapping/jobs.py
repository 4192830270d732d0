"""Running the engine for a MappingRun: in a background process from the web, inline in tests.

The web request only records the run and starts ``clusterdev mapping_job RUN_ID`` in a new
process; that process writes its progress to the run row, which the run's page polls.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from clusterdev.engine import EngineError, map_register
from clusterdev.mapping.choices import RunStatus
from clusterdev.mapping.models import MappingRun
from clusterdev.mapping.review import record_candidates

log = logging.getLogger(__name__)
PROGRESS_EVERY = 0.5  # seconds between progress writes


def run_dir(run: MappingRun) -> Path:
    return Path(settings.VAR_DIR) / "mapping" / f"run-{run.pk}"


def start(run: MappingRun) -> None:
    """Start the run in the background (or inline when MAPPING_JOBS is 'inline')."""
    if settings.MAPPING_JOBS == "inline":
        execute(run.pk)
        return
    folder = run_dir(run)
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "job.log").open("ab") as log_file:
        subprocess.Popen(
            [sys.executable, "-m", "clusterdev.cli", "mapping_job", str(run.pk)],
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def _json_safe(value: Any) -> Any:
    """The engine's summary as plain JSON: numpy numbers as numbers, NaN as null."""
    text = json.dumps(value, default=lambda o: o.item() if hasattr(o, "item") else str(o))
    return json.loads(text, parse_constant=lambda _: None)


def execute(run_id: int) -> MappingRun:
    """Run the engine for one queued run and record what it found; never raises for bad input."""
    run = MappingRun.objects.get(pk=run_id)
    run.status, run.started, run.error = RunStatus.RUNNING, timezone.now(), ""
    run.save(update_fields=["status", "started", "error", "last_updated"])
    last_write = 0.0

    def progress(stage: str, done: int, total: int) -> None:
        nonlocal last_write
        run.progress[stage] = [done, total]
        run.stage = stage
        now = time.monotonic()
        if now - last_write >= PROGRESS_EVERY or done >= total:
            last_write = now
            MappingRun.objects.filter(pk=run.pk).update(progress=run.progress, stage=stage)

    out = run_dir(run) / "out"
    try:
        result = map_register(
            run.register,
            rules=run.rules,
            product_level=run.product_level,
            engine=run.engine,
            out=out,
            progress=progress,
        )
        with transaction.atomic():
            record_candidates(run, result.clusters)
            run.summary = _json_safe(result.summary)
            run.status = RunStatus.DONE
    except EngineError as error:
        run.status, run.error = RunStatus.FAILED, str(error)
    except Exception as error:  # the page must say what happened, whatever it was
        log.exception("mapping run %s failed", run.pk)
        run.status, run.error = RunStatus.FAILED, f"Unexpected error: {error}"
    run.finished, run.out_dir = timezone.now(), str(out)
    run.save()
    return run
