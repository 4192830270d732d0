"""Pages of the diagnostic study (step 2): the study, its constraints, documents and actor map.

Private readers of the initiative (permissions.private) read; its editors write; everyone
else gets 404, as on the initiative's other private pages. A constraint, actor or tie is
edited in place by opening its page with ``?edit=<pk>`` (``?edit_tie=<pk>`` for a tie).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clusterdev.core import exports as writers
from clusterdev.diagnostics import exports, forms
from clusterdev.diagnostics.mapdata import actor_map
from clusterdev.diagnostics.models import Actor, Constraint, DiagnosticStudy, Document, Tie
from clusterdev.initiatives import permissions as rules

DOWNLOADS = {
    "constraints": exports.CONSTRAINT_COLUMNS,
    "actors": exports.ACTOR_COLUMNS,
    "ties": exports.TIE_COLUMNS,
}


def _initiative(request, pk):
    initiative = get_object_or_404(rules.private(request.user), pk=pk)
    can_edit = rules.editable(request.user).filter(pk=pk).exists()
    if request.method == "POST" and not can_edit:
        raise PermissionDenied(_("You may read this study but not change it."))
    return initiative, can_edit


def _editing(rows, initiative, pk):
    """The initiative's row named by an ``?edit=`` parameter, or None; 404 for any other."""
    if not pk:
        return None
    if not str(pk).isdigit():
        raise Http404
    return get_object_or_404(rows, initiative=initiative, pk=pk)


@login_required
def study(request, pk):
    """The study's sections, the constraints it found and its documents."""
    initiative, can_edit = _initiative(request, pk)
    instance = DiagnosticStudy.objects.filter(initiative=initiative).first()
    editing = _editing(Constraint, initiative, request.GET.get("edit"))
    form = forms.StudyForm(
        request.POST if "study" in request.POST else None,
        instance=instance or DiagnosticStudy(initiative=initiative),
    )
    constraint_form = forms.ConstraintForm(
        request.POST if "constraint" in request.POST else None,
        instance=editing or Constraint(initiative=initiative),
    )
    document_form = forms.DocumentForm(
        request.POST if "document" in request.POST else None,
        request.FILES if "document" in request.POST else None,
        instance=Document(initiative=initiative),
    )
    if request.method == "POST":
        for bound, done in (
            (form, _("Study saved.")),
            (constraint_form, _("Constraint saved.") if editing else _("Constraint added.")),
            (document_form, _("Document attached.")),
        ):
            if bound.is_bound and bound.is_valid():
                with transaction.atomic():
                    row = bound.save(commit=False)
                    if isinstance(row, Document):
                        row.size = bound.cleaned_data["file"].size
                    row.save()
                messages.success(request, done)
                return redirect("diagnostics:study", pk=pk)
    context = {
        "initiative": initiative,
        "study": instance,
        "form": form,
        "constraint_form": constraint_form,
        "editing": editing,
        "document_form": document_form,
        "constraints": initiative.constraints.all(),
        "documents": initiative.diagnostic_documents.all(),
        "can_edit": can_edit,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "diagnostics/study.html", context, status=status)


@login_required
def actors(request, pk):
    """The actor map: the network drawn with its measures, actors and ties with their forms."""
    initiative, can_edit = _initiative(request, pk)
    editing = _editing(Actor, initiative, request.GET.get("edit"))
    ties = Tie.objects.select_related("source", "target")
    editing_tie = _editing(ties, initiative, request.GET.get("edit_tie"))
    actor_form = forms.ActorForm(
        request.POST if "actor" in request.POST else None,
        instance=editing,
        initiative=initiative,
    )
    tie_form = forms.TieForm(
        request.POST if "tie" in request.POST else None,
        instance=editing_tie,
        initiative=initiative,
        prefix="tie",
    )
    if request.method == "POST":
        tie_done = _("Tie saved.") if editing_tie else _("Tie added.")
        for bound, done in ((actor_form, _("Actor saved.")), (tie_form, tie_done)):
            if bound.is_bound and bound.is_valid():
                bound.save()
                messages.success(request, done)
                return redirect("diagnostics:actors", pk=pk)
    context = {
        "initiative": initiative,
        "map": actor_map(initiative),
        "actor_form": actor_form,
        "tie_form": tie_form,
        "editing": editing,
        "editing_tie": editing_tie,
        "can_edit": can_edit,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "diagnostics/actors.html", context, status=status)


@login_required
@require_POST
def delete(request, what, pk):
    """Remove a constraint, document, actor (with its ties) or tie: the initiative's editors."""
    model = {"constraint": Constraint, "document": Document, "actor": Actor, "tie": Tie}.get(what)
    if model is None:
        raise Http404
    row = get_object_or_404(
        model.objects.filter(initiative__in=rules.editable(request.user)), pk=pk
    )
    with transaction.atomic():
        if isinstance(row, Document):
            row.file.delete(save=False)
        row.delete()
    messages.success(request, _("Removed."))
    page = "diagnostics:actors" if what in ("actor", "tie") else "diagnostics:study"
    return redirect(page, pk=row.initiative_id)


@login_required
def document_file(request, pk):
    """The file itself, only for the initiative's private readers (never a public URL)."""
    document = get_object_or_404(
        Document.objects.filter(initiative__in=rules.private(request.user)), pk=pk
    )
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404(_("The file is missing from storage.")) from None
    return FileResponse(
        handle,
        as_attachment=True,
        filename=document.filename,
        content_type=document.content_type or "application/octet-stream",
    )


@login_required
def download(request, pk, what, fmt):
    """Constraints, actors or ties of an initiative as CSV or XLSX."""
    initiative, _can_edit = _initiative(request, pk)
    if what not in DOWNLOADS or fmt not in ("csv", "xlsx"):
        return HttpResponse(
            "Download constraints, actors or ties as csv or xlsx.",
            status=400,
            content_type="text/plain",
        )
    if what == "constraints":
        rows = initiative.constraints.select_related("initiative")
    elif what == "actors":
        rows = actor_map(initiative).actors
        for row in rows:
            row.initiative = initiative
    else:
        rows = Tie.objects.filter(initiative=initiative).select_related(
            "initiative", "source", "target"
        )
    writer = writers.csv_response if fmt == "csv" else writers.xlsx_response
    return writer(f"{what}-{initiative.pk}", DOWNLOADS[what], rows)
