"""Curators start mapping runs, watch their progress and review what they found."""

from __future__ import annotations

import uuid
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from clusterdev.core import roles
from clusterdev.mapping import jobs
from clusterdev.mapping.choices import Decision, DiffStatus
from clusterdev.mapping.demo import demo_register
from clusterdev.mapping.forms import StartRunForm
from clusterdev.mapping.models import MappingRun
from clusterdev.mapping.review import decide


def _curator(request: HttpRequest) -> None:
    if not roles.is_curator(request.user):
        raise PermissionDenied("Mapping runs are for curators and administrators.")


def _save_upload(upload: object) -> Path:
    folder = Path(settings.VAR_DIR) / "mapping" / "registers"
    folder.mkdir(parents=True, exist_ok=True)
    suffix = ".parquet" if upload.name.lower().endswith(".parquet") else ".csv"  # type: ignore[attr-defined]
    path = folder / f"{uuid.uuid4().hex}{suffix}"
    with path.open("wb") as handle:
        for chunk in upload.chunks():  # type: ignore[attr-defined]
            handle.write(chunk)
    return path


@login_required
def run_list(request: HttpRequest) -> HttpResponse:
    _curator(request)
    form = StartRunForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["register"]
        register = _save_upload(upload) if upload else demo_register()
        run = MappingRun.objects.create(
            title=form.cleaned_data["title"],
            register=str(register),
            rules=form.cleaned_data["rules"],
            product_level=form.cleaned_data["product_level"],
            engine=form.cleaned_data["engine"],
            started_by=request.user,
        )
        jobs.start(run)
        return redirect(run)
    runs = MappingRun.objects.select_related("started_by").annotate(n=Count("candidates"))[:50]
    status = 400 if request.method == "POST" else 200
    return render(request, "mapping/run_list.html", {"form": form, "runs": runs}, status=status)


@login_required
def run_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _curator(request)
    run = get_object_or_404(MappingRun, pk=pk)
    template = "mapping/_run_status.html" if request.htmx else "mapping/run_detail.html"
    # Labels read "New: not in the registry"; a count card shows the part before the colon.
    groups = [
        (
            status,
            label,
            str(label).split(":", 1)[0],
            run.candidates.filter(diff_status=status).select_related("registry_cluster"),
        )
        for status, label in DiffStatus.choices
    ]
    return render(request, template, {"run": run, "groups": groups, "counts": run.counts()})


@login_required
@require_POST
def run_decide(request: HttpRequest, pk: int) -> HttpResponse:
    _curator(request)
    run = get_object_or_404(MappingRun, pk=pk)
    action = request.POST.get("action")
    if action not in ("accept", "reject"):
        messages.error(request, "Choose Accept or Reject.")
        return redirect(run)
    ids = request.POST.getlist("candidate")
    chosen = run.candidates.filter(
        pk__in=[i for i in ids if i.isdigit()], decision=Decision.PENDING
    )
    if not ids:
        messages.error(request, "Tick at least one cluster first.")
        return redirect(run)
    count = decide(
        chosen.select_related("run", "registry_cluster"), action == "accept", request.user
    )
    messages.success(request, f"{count} {'accepted' if action == 'accept' else 'rejected'}.")
    return redirect(run)
