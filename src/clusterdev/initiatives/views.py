"""Initiative pages: the same querysets by viewer and the same rules as the API."""

from __future__ import annotations

from auditlog.models import LogEntry
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Prefetch, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from clusterdev.core import svg
from clusterdev.geography.models import District
from clusterdev.initiatives import choices, exports, forms, portfolio, services
from clusterdev.initiatives import permissions as rules
from clusterdev.initiatives.api.views import ranked
from clusterdev.initiatives.models import Initiative, SelectionScore, StepRecord, TrustEvent

EXPORTS = {"csv", "xlsx"}
# The step apps' panels on the initiative page, in step order (see each app's panel.py).
PANELS = (
    ("diagnostics/_initiative_panel.html", "clusterdev.diagnostics.panel.initiative_panel"),
    ("actionplans/_initiative_panel.html", "clusterdev.actionplans.panel.initiative_panel"),
    ("monitoring/_initiative_panel.html", "clusterdev.monitoring.panel.initiative_panel"),
)


def _bad_export(fmt: str) -> HttpResponse:
    return HttpResponse(
        f"export must be csv or xlsx, not {fmt!r}", status=400, content_type="text/plain"
    )


def _filtered(request, rows):
    form = forms.FilterForm(request.GET or None)
    if form.is_valid():
        data = form.cleaned_data
        if data.get("q"):
            q = data["q"]
            rows = rows.filter(
                Q(title__icontains=q) | Q(cluster__name__icontains=q) | Q(summary__icontains=q)
            )
        if data.get("institution"):
            rows = rows.filter(institution=data["institution"])
        if data.get("state"):
            rows = rows.filter(
                pk__in=Initiative.objects.filter(
                    cluster__districts__state__code=data["state"]
                ).values("pk")
            )
        if data.get("typology"):
            rows = rows.filter(cluster__typology=data["typology"])
        if data.get("step"):
            rows = rows.filter(step=data["step"])
        if data.get("status"):
            rows = rows.filter(status=data["status"])
    return form, rows


def _with_places(rows):
    return rows.prefetch_related(
        "cdas",
        Prefetch("cluster__districts", queryset=District.objects.select_related("state")),
    )


def initiative_list(request):
    form, rows = _filtered(request, rules.visible(request.user))
    fmt = request.GET.get("export")
    if fmt:
        if fmt not in EXPORTS:
            return _bad_export(fmt)
        private_ids = set(rules.private(request.user).values_list("pk", flat=True))
        return exports.download(
            fmt, "initiatives", exports.initiative_columns(private_ids), _with_places(rows)
        )
    page = Paginator(_with_places(rows).order_by("title", "pk"), 50).get_page(
        request.GET.get("page")
    )
    params = request.GET.copy()
    params.pop("page", None)
    params.pop("export", None)
    context = {
        "page": page,
        "form": form,
        "query": params.urlencode(),
        "can_create": request.user.is_authenticated
        and (request.user.is_superuser or request.user.institution_memberships.exists()),
    }
    return render(request, "initiatives/initiative_list.html", context)


def history_for(initiative: Initiative):
    """Changes to the initiative and to every record that belongs to it (deleted ones too)."""
    initiative_type = ContentType.objects.get_for_model(Initiative)
    return (
        LogEntry.objects.filter(
            Q(content_type=initiative_type, object_pk=str(initiative.pk))
            | Q(additional_data__initiative_id=initiative.pk)
        )
        .select_related("actor", "content_type")
        .order_by("-timestamp")
    )


def initiative_detail(request, pk):
    initiative = get_object_or_404(rules.visible(request.user), pk=pk)
    private = rules.private(request.user).filter(pk=pk).exists()
    can_edit = rules.editable(request.user).filter(pk=pk).exists()
    context = {
        "initiative": initiative,
        "private": private,
        "can_edit": can_edit,
        "can_manage": rules.can_manage(request.user, initiative),
        "can_review": rules.can_review(request.user, initiative),
        "review_form": forms.ReviewForm(),
        "states": sorted(
            {d.state.name for d in initiative.cluster.districts.select_related("state")}
        ),
    }
    if private:
        records = {
            r.step: r for r in initiative.records.prefetch_related("reviews__reviewer").all()
        }
        context["steps"] = [
            {"number": number, "label": label, "record": records.get(number)}
            for number, label in choices.Step.choices
        ]
        context["events"] = list(initiative.events.all())
        context["scores_count"] = initiative.selection_scores.count()
        context["cdas"] = list(initiative.cdas.all())
        context["history"] = history_for(initiative)[:50]
        context["refusal"] = initiative.advance_refusal() if initiative.step < 6 else None
        panels = []
        for template, path in PANELS:
            panel = import_string(path)(request, initiative, private=True)
            if panel is not None:
                context_ = {**panel, "panel": panel}  # either style of template
                panels.append(render_to_string(template, context_, request=request))
        context["panels"] = panels
    else:
        context["steps"] = [
            {"number": number, "label": label, "record": None}
            for number, label in choices.Step.choices
        ]
    return render(request, "initiatives/initiative_detail.html", context)


def _save_initiative(form, user) -> Initiative:
    with transaction.atomic():
        initiative = form.save(commit=False)
        initiative.save()
        if form.manager:
            initiative.cdas.set(form.cleaned_data.get("cdas") or [])
    return initiative


@login_required
def initiative_create(request):
    if not (request.user.is_superuser or request.user.institution_memberships.exists()):
        raise PermissionDenied(_("Only an institution's staff may start its initiatives."))
    form = forms.InitiativeForm(request.POST or None, user=request.user, manager=True)
    if request.method == "POST" and form.is_valid():
        initiative = _save_initiative(form, request.user)
        messages.success(request, _("Initiative created."))
        return redirect(initiative)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "initiatives/initiative_form.html",
        {"form": form, "initiative": None},
        status=status,
    )


@login_required
def initiative_edit(request, pk):
    initiative = get_object_or_404(rules.editable(request.user), pk=pk)
    manager = rules.can_manage(request.user, initiative)
    form = forms.InitiativeForm(
        request.POST or None, instance=initiative, user=request.user, manager=manager
    )
    if request.method == "POST" and form.is_valid():
        _save_initiative(form, request.user)
        messages.success(request, _("Changes saved."))
        return redirect(initiative)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "initiatives/initiative_form.html",
        {"form": form, "initiative": initiative},
        status=status,
    )


@login_required
@require_POST
def advance(request, pk):
    initiative = get_object_or_404(rules.editable(request.user), pk=pk)
    try:
        services.advance(initiative)
    except services.GateRefused as refused:
        messages.error(request, refused.refusal["detail"])
    else:
        messages.success(request, _("The initiative entered the next step."))
    return redirect("initiatives:detail", pk=pk)


def _record_for(request, pk, step):
    initiative = get_object_or_404(rules.private(request.user), pk=pk)
    if step not in choices.Step.values:
        raise PermissionDenied
    record = initiative.records.filter(step=step).first()
    return initiative, record


@login_required
def step_record(request, pk, step):
    """Read and (for editors) write the record of one step; submit it for review."""
    initiative, record = _record_for(request, pk, step)
    can_edit = rules.editable(request.user).filter(pk=pk).exists()
    form = forms.StepRecordForm(
        request.POST or None, step=step, initial=forms.StepRecordForm.initial_for(record)
    )
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if form.is_valid():
            submitting = "submit" in request.POST
            try:
                services.save_record(
                    initiative, step, form.cleaned_data["summary"], form.sections(), submitting
                )
            except services.Conflict as conflict:
                form.add_error(None, str(conflict))
            else:
                messages.success(
                    request, _("Submitted for review.") if submitting else _("Draft saved.")
                )
                return redirect("initiatives:step", pk=pk, step=step)
    context = {
        "not_reached": services.step_not_reached(initiative, step),
        "initiative": initiative,
        "step": step,
        "step_label": choices.Step(step).label,
        "record": record,
        "form": form,
        "can_edit": can_edit,
        "can_review": rules.can_review(request.user, initiative),
        "review_form": forms.ReviewForm(),
        "sections": [
            (label, (record.sections or {}).get(key, "") if record else "")
            for key, label in choices.STEP_SECTIONS[step]
        ],
        "reviews": record.reviews.select_related("reviewer") if record else [],
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "initiatives/step_record.html", context, status=status)


@login_required
@require_POST
def review(request, pk):
    record = get_object_or_404(
        StepRecord.objects.filter(initiative__in=rules.private(request.user)), pk=pk
    )
    if not rules.can_review(request.user, record.initiative):
        raise PermissionDenied
    form = forms.ReviewForm(request.POST)
    if form.is_valid():
        try:
            services.review(record, request.user, **form.cleaned_data)
        except services.Conflict as conflict:
            messages.error(request, str(conflict))
        else:
            messages.success(request, _("Review recorded."))
    else:
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
    return redirect("initiatives:step", pk=record.initiative_id, step=record.step)


@login_required
def selection(request, pk):
    initiative = get_object_or_404(rules.private(request.user), pk=pk)
    can_edit = rules.editable(request.user).filter(pk=pk).exists()
    weighted = any(name in request.GET for name in choices.CRITERIA_LABELS)
    weights = forms.WeightsForm(request.GET if weighted else None)
    if weights.is_valid():
        shortlist = ranked(initiative, weights.cleaned_data)
    else:
        shortlist = ranked(initiative, {c: 1.0 for c in choices.CRITERIA_LABELS})
    fmt = request.GET.get("export")
    if fmt:
        if fmt not in EXPORTS:
            return _bad_export(fmt)
        return exports.download(fmt, f"selection-{initiative.pk}", exports.SCORE_COLUMNS, shortlist)
    edit = None
    if request.GET.get("edit"):
        edit = get_object_or_404(initiative.selection_scores, pk=request.GET["edit"])
    # Prefixed: the weights form above has the same field names, and ids must stay unique.
    score_form = forms.SelectionScoreForm(
        request.POST or None, instance=edit, initiative=initiative, prefix="score"
    )
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if score_form.is_valid():
            score = score_form.save(commit=False)
            score.initiative = initiative
            score.save()
            messages.success(request, _("Score saved."))
            return redirect("initiatives:selection", pk=pk)
    params = request.GET.copy()
    params.pop("export", None)
    context = {
        "initiative": initiative,
        "form": weights,
        "shortlist": shortlist,
        "score_form": score_form,
        "editing": edit,
        "can_edit": can_edit,
        "criteria": list(choices.CRITERIA_LABELS.items()),
        "scores": {s.cluster_id: s.pk for s in initiative.selection_scores.all()},
        "query": params.urlencode(),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "initiatives/selection.html", context, status=status)


# Rows an editor removes from a list page: the model, the page to return to, the message.
REMOVABLE = {
    "score": (SelectionScore, "initiatives:selection", _lazy("Score removed.")),
    "event": (TrustEvent, "initiatives:events", _lazy("Event removed.")),
}


@login_required
@require_POST
def delete_row(request, pk, what):
    model, page, message = REMOVABLE[what]
    row = get_object_or_404(
        model.objects.filter(initiative__in=rules.editable(request.user)), pk=pk
    )
    row.delete()
    messages.success(request, message)
    return redirect(page, pk=row.initiative_id)


@login_required
def events(request, pk):
    """Trust-building events: the list (with export) and, for editors, a form to add one."""
    initiative = get_object_or_404(rules.private(request.user), pk=pk)
    rows = initiative.events.select_related("initiative")
    fmt = request.GET.get("export")
    if fmt:
        if fmt not in EXPORTS:
            return _bad_export(fmt)
        return exports.download(fmt, f"events-{initiative.pk}", exports.EVENT_COLUMNS, rows)
    return _event_form(request, initiative, None, list(rows))


@login_required
def event_edit(request, pk):
    event = get_object_or_404(
        TrustEvent.objects.filter(initiative__in=rules.private(request.user)), pk=pk
    )
    return _event_form(request, event.initiative, event, None)


def _event_form(request, initiative, event, rows):
    can_edit = rules.editable(request.user).filter(pk=initiative.pk).exists()
    initial = [dict(row) for row in (event.participants if event else [])]
    # The new event knows its initiative before validation: its date is checked against it.
    form = forms.TrustEventForm(
        request.POST or None, instance=event or TrustEvent(initiative=initiative)
    )
    participants = forms.ParticipantFormSet(
        request.POST or None, initial=initial, prefix="participants"
    )
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if form.is_valid() and participants.is_valid():
            with transaction.atomic():
                saved = form.save(commit=False)
                saved.initiative = initiative
                saved.participants = forms.participant_rows(participants)
                saved.save()
            messages.success(request, _("Event saved."))
            return redirect("initiatives:events", pk=initiative.pk)
    women = sum(e.totals()["women"] for e in rows or [])
    men = sum(e.totals()["men"] for e in rows or [])
    context = {
        "initiative": initiative,
        "event": event,
        "rows": rows,
        "form": form,
        "participants": participants,
        "can_edit": can_edit,
        "totals": {"women": women, "men": men, "all": women + men},
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "initiatives/events.html", context, status=status)


@login_required
def report_pdf(request, pk):
    """The one-page report of an initiative (private: its readers only)."""
    initiative = get_object_or_404(
        rules.private(request.user).select_related("institution", "cluster", "ta"), pk=pk
    )
    return exports.initiative_pdf(
        initiative, list(initiative.records.all()), list(initiative.events.all())
    )


def _portfolio_context(request):
    form, rows = _filtered(request, rules.visible(request.user))
    built = portfolio.build(rows)
    return form, rows, built, portfolio.step_counts_by_institution(rows)


def _private_rows(request, built):
    """The portfolio's initiatives whose private figures (monitoring) the viewer may read:
    none for the public, only her own for a CDA; the page and its PDF share this rule."""
    return rules.private(request.user).filter(pk__in=[r.pk for r in built.rows])


def portfolio_page(request):
    form, _rows, built, institution_rows = _portfolio_context(request)
    fmt = request.GET.get("export")
    if fmt:
        if fmt not in EXPORTS:
            return _bad_export(fmt)
        private_ids = set(rules.private(request.user).values_list("pk", flat=True))
        return exports.download(
            fmt, "initiative-portfolio", exports.initiative_columns(private_ids), built.rows
        )
    private_rows = _private_rows(request, built)
    indicators = import_string("clusterdev.monitoring.panel.portfolio_rows")(private_rows)
    params = request.GET.copy()
    params.pop("export", None)
    context = {
        "form": form,
        "portfolio": built,
        "institution_rows": institution_rows,
        "step_numbers": [number for number, _ in choices.Step.choices],
        "map_symbols": built.map_symbols,
        "map_height": svg.MAP_HEIGHT,
        "indicators": indicators,
        "query": params.urlencode(),
    }
    return render(request, "initiatives/portfolio.html", context)


def portfolio_report(request):
    _form, _rows, built, institution_rows = _portfolio_context(request)
    monitoring = import_string("clusterdev.monitoring.report.portfolio_lines")(
        _private_rows(request, built)
    )
    return exports.portfolio_pdf(built, institution_rows, _("Portfolio of initiatives"), monitoring)
