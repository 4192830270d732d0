"""Initiative pages: the same querysets by viewer as the API."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from clusterdev.initiatives import choices, forms, services
from clusterdev.initiatives import permissions as rules
from clusterdev.initiatives.api.views import ranked
from clusterdev.initiatives.models import StepRecord


def initiative_list(request):
    rows = rules.visible(request.user)
    form = forms.FilterForm(request.GET or None)
    if form.is_valid():
        data = form.cleaned_data
        if data.get("institution"):
            rows = rows.filter(institution=data["institution"])
        if data.get("state"):
            rows = rows.filter(cluster__districts__state=data["state"]).distinct()
        if data.get("step"):
            rows = rows.filter(step=data["step"])
        if data.get("status"):
            rows = rows.filter(status=data["status"])
    return render(request, "initiatives/initiative_list.html", {"rows": rows, "form": form})


def initiative_detail(request, pk):
    initiative = get_object_or_404(rules.visible(request.user), pk=pk)
    private = rules.private(request.user).filter(pk=pk).exists()
    context = {
        "initiative": initiative,
        "private": private,
        "steps": choices.Step.choices,
        "can_edit": rules.editable(request.user).filter(pk=pk).exists(),
        "can_review": rules.can_review(request.user, initiative),
        "review_form": forms.ReviewForm(),
    }
    if private:
        context["records"] = initiative.records.prefetch_related("reviews__reviewer")
        context["events"] = initiative.events.all()
    return render(request, "initiatives/initiative_detail.html", context)


@login_required
@require_POST
def advance(request, pk):
    initiative = get_object_or_404(rules.editable(request.user), pk=pk)
    try:
        services.advance(initiative)
    except services.GateRefused as refused:
        messages.error(request, refused.refusal["detail"])
    else:
        messages.success(request, "The initiative entered the next step.")
    return redirect("initiatives:detail", pk=pk)


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
        services.review(record, request.user, **form.cleaned_data)
        messages.success(request, "Review recorded.")
    else:
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
    return redirect("initiatives:detail", pk=record.initiative_id)


@login_required
def selection(request, pk):
    initiative = get_object_or_404(rules.private(request.user), pk=pk)
    form = forms.WeightsForm(request.GET or None)
    shortlist = []
    if form.is_valid():
        shortlist = ranked(initiative, form.cleaned_data)
    elif not request.GET:
        shortlist = ranked(initiative, {c: 1.0 for c in form.fields})
    return render(
        request,
        "initiatives/selection.html",
        {"initiative": initiative, "form": form, "shortlist": shortlist},
    )
