"""Monitoring pages: the public catalogue, and per initiative (private) the M&E page with its
dashboard, periods, values grid, approvals, and the sustainability checks."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clusterdev.core import roles
from clusterdev.initiatives import permissions as rules
from clusterdev.monitoring import dashboard, exports, forms, services
from clusterdev.monitoring.models import (
    DataElement,
    Indicator,
    MonitoringPlan,
    Period,
    PeriodDecision,
)
from clusterdev.monitoring.panel import institutions_linked_value


def catalogue(request):
    """Data elements and indicators: public; CSV/XLSX of either list."""
    fmt = request.GET.get("export")
    if fmt:
        return exports.catalogue_download(fmt, request.GET.get("list", "elements"))
    context = {
        "elements": DataElement.objects.all(),
        "indicators": Indicator.objects.all(),
        "can_curate": roles.is_curator(request.user),
    }
    return render(request, "monitoring/catalogue.html", context)


def _private(request, pk):
    initiative = get_object_or_404(rules.private(request.user), pk=pk)
    return initiative, {
        "initiative": initiative,
        "can_edit": rules.editable(request.user).filter(pk=pk).exists(),
        "can_review": rules.can_review(request.user, initiative),
    }


@login_required
def initiative_page(request, pk):
    """The initiative's M&E page: dashboard, periods with approvals, plan and value entry."""
    initiative, context = _private(request, pk)
    plan = MonitoringPlan.objects.filter(initiative=initiative).first()
    plan_form = forms.PlanForm(request.POST or None, instance=plan, prefix="plan")
    period_form = forms.PeriodForm(
        request.POST or None, instance=Period(initiative=initiative), prefix="period"
    )
    status = 200
    if request.method == "POST":
        if not context["can_edit"]:
            raise PermissionDenied
        if "save_plan" in request.POST and plan_form.is_valid():
            saved = plan_form.save(commit=False)
            saved.initiative = initiative
            saved.save()
            plan_form.save_m2m()
            messages.success(request, _("Monitoring plan saved."))
            return redirect("monitoring:initiative", pk=pk)
        if "add_period" in request.POST and period_form.is_valid():
            services.save_period(period_form.instance)
            messages.success(request, _("Period added."))
            return redirect("monitoring:initiative", pk=pk)
        status = 400
    if "save_plan" not in request.POST:
        plan_form = forms.PlanForm(instance=plan, prefix="plan")
    if "add_period" not in request.POST:
        period_form = forms.PeriodForm(prefix="period")
    periods = list(Period.objects.filter(initiative=initiative).select_related("approved_by"))
    decisions = PeriodDecision.objects.filter(period__initiative=initiative).select_related(
        "actor", "period"
    )
    context.update(
        {
            "dashboard": dashboard.build(initiative),
            "periods": periods,
            "decisions": decisions,
            "plan_form": plan_form,
            "period_form": period_form,
            "unlock_form": forms.UnlockForm(),
            "whole": forms.WHOLE,
        }
    )
    return render(request, "monitoring/initiative.html", context, status=status)


def _period_of(initiative, slot: str) -> Period | None:
    if slot == forms.WHOLE:
        return None
    if not slot.isdigit():
        raise PermissionDenied
    return get_object_or_404(Period, initiative=initiative, pk=int(slot))


@login_required
def grid(request, pk, slot):
    """The values grid of one period (targets, actuals) or of the whole initiative (baseline,
    life target). Saved all at once: one bad cell saves nothing and is named."""
    initiative, context = _private(request, pk)
    period = _period_of(initiative, slot)
    elements = services.plan_for(initiative)[0]
    errors: dict[str, str] = {}
    problems: list[str] = []
    status = 200
    if request.method == "POST":
        if not context["can_edit"]:
            raise PermissionDenied
        rows, names, errors = forms.parse_grid(request.POST, elements, period)
        if not errors:
            try:
                services.save_batch(initiative, rows)
            except services.PeriodLocked as locked:
                problems.append(str(services.PeriodLocked(locked.period)))
            except services.BatchInvalid as invalid:
                for index, fields in invalid.errors.items():
                    name = names[int(index)]
                    text = " ".join(str(m) for m in _flatten(fields))
                    errors[name] = text
        if not errors and not problems and not request.htmx:
            messages.success(request, _("Values saved."))
            return redirect("monitoring:initiative", pk=pk)
        if errors or problems:
            status = 400
    values = services.values_of(initiative)
    submitted = request.POST if status == 400 else {}
    grid_rows = forms.build_grid(elements, period, values)
    for row in grid_rows:
        for cell in row["cells"]:
            if cell["name"] in submitted:
                cell["value"] = submitted[cell["name"]]
            cell["error"] = errors.get(cell["name"], "")
            if cell["error"]:
                problems.append(
                    f"{row['element'].code}, {cell['kind'].replace('_', ' ')}, "
                    f"{row['label']}: {cell['error']}"
                )
    context.update(
        {
            "period": period,
            "slot": slot,
            "rows": grid_rows,
            "kinds": forms.grid_kinds(period),
            "problems": problems,
            "locked": bool(period and period.locked),
            "saved": request.method == "POST" and status == 200,
        }
    )
    template = "monitoring/_grid.html" if request.htmx else "monitoring/grid.html"
    return render(request, template, context, status=status)


def _flatten(fields) -> list:
    if isinstance(fields, dict):
        return [f"{k}: {' '.join(map(str, v))}" for k, v in fields.items()]
    return list(fields)


@login_required
@require_POST
def approve(request, pk):
    period = get_object_or_404(
        Period.objects.filter(initiative__in=rules.private(request.user)), pk=pk
    )
    if not rules.can_review(request.user, period.initiative):
        raise PermissionDenied
    try:
        services.approve(period, request.user)
        messages.success(request, _("Period %(label)s approved and locked.") % {"label": period})
    except services.StateConflict as conflict:
        messages.error(request, str(conflict))
    return redirect("monitoring:initiative", pk=period.initiative_id)


@login_required
@require_POST
def unlock(request, pk):
    period = get_object_or_404(
        Period.objects.filter(initiative__in=rules.private(request.user)), pk=pk
    )
    if not rules.can_review(request.user, period.initiative):
        raise PermissionDenied
    form = forms.UnlockForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the period is unlocked."))
    else:
        try:
            services.unlock(period, request.user, form.cleaned_data["reason"])
            messages.success(request, _("Period %(label)s unlocked.") % {"label": period})
        except (services.StateConflict, ValidationError) as problem:
            messages.error(request, " ".join(getattr(problem, "messages", [str(problem)])))
    return redirect("monitoring:initiative", pk=period.initiative_id)


@login_required
def period_edit(request, pk):
    """Change a period's label and dates while it is open; an approved period is locked
    until a reviewer unlocks it (with a reason)."""
    period = get_object_or_404(
        Period.objects.filter(initiative__in=rules.private(request.user)).select_related(
            "initiative", "approved_by"
        ),
        pk=pk,
    )
    if not rules.editable(request.user).filter(pk=period.initiative_id).exists():
        raise PermissionDenied
    form = forms.PeriodForm(request.POST or None, instance=period)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.save_period(form.instance)
            except services.PeriodLocked as locked:
                form.add_error(None, str(locked))
            else:
                messages.success(request, _("Period %(label)s saved.") % {"label": period})
                return redirect("monitoring:initiative", pk=period.initiative_id)
        status = 400
        period.refresh_from_db()  # the page shows the stored period, not the refused input
    context = {"initiative": period.initiative, "period": period, "form": form}
    return render(request, "monitoring/period_form.html", context, status=status)


@login_required
@require_POST
def period_delete(request, pk):
    period = get_object_or_404(
        Period.objects.filter(initiative__in=rules.editable(request.user)), pk=pk
    )
    try:
        services.delete_period(period)
        messages.success(request, _("Period removed."))
    except services.PeriodLocked as locked:
        messages.error(request, str(locked))
    return redirect("monitoring:initiative", pk=period.initiative_id)


@login_required
def values_export(request, pk):
    initiative, _context = _private(request, pk)
    return exports.values_download(request.GET.get("export", "csv"), initiative)


@login_required
def periods_export(request, pk):
    initiative, _context = _private(request, pk)
    rows = Period.objects.filter(initiative=initiative).select_related("approved_by")
    return exports.download(
        request.GET.get("export", "csv"),
        f"monitoring-periods-{initiative.pk}",
        exports.PERIOD_COLUMNS,
        rows,
    )


@login_required
def indicator_values_export(request, pk):
    initiative, _context = _private(request, pk)
    return exports.indicator_values_download(request.GET.get("export", "csv"), initiative)


@login_required
def sustainability(request, pk):
    """Dated sustainability checks; editors add them."""
    initiative, context = _private(request, pk)
    fmt = request.GET.get("export")
    if fmt:
        return exports.download(
            fmt,
            f"sustainability-checks-{initiative.pk}",
            exports.CHECK_COLUMNS,
            initiative.sustainability_checks.all(),
        )
    form = forms.SustainabilityForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not context["can_edit"]:
            raise PermissionDenied
        if form.is_valid():
            check = form.save(commit=False)
            check.initiative = initiative
            check.save()
            messages.success(request, _("Sustainability check saved."))
            return redirect("monitoring:sustainability", pk=pk)
        status = 400
    context.update(
        {
            "checks": initiative.sustainability_checks.all(),
            "form": form,
            "element_value": institutions_linked_value(initiative.pk),
        }
    )
    return render(request, "monitoring/sustainability.html", context, status=status)
