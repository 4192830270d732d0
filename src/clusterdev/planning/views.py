"""The planner's pages: edit a scenario and see its tables and charts, save it, compare
scenarios, download them, and work out scheme grants.

Every page works without JavaScript (plain GET forms); with htmx a change re-renders only
the results, and field errors are swapped in next to their fields (out of band).
"""

from __future__ import annotations

import json
from typing import Any

from auditlog.context import set_actor
from auditlog.models import LogEntry
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from clusterdev.core import svg
from clusterdev.planning import charts, reading
from clusterdev.planning.exports import FORMATS, plan_export
from clusterdev.planning.forms import (
    FINANCE_FIELDS,
    HR_YEAR_FIELDS,
    ROLE_FIELDS,
    ROLES,
    GrantForm,
    PlannerForm,
    attach_errors,
    attach_grant_errors,
    role_field,
)
from clusterdev.planning.model import (
    BRACKETS_NOTE,
    PlanningInputError,
    PlanResult,
    Scenario,
    compute,
    seed_scenario,
)
from clusterdev.planning.models import SEED_SLUG, SavedScenario

SEED_TITLE = "Seed scenario (2005)"
MAX_COMPARED = 6


def _planner_form(request: HttpRequest, base: Scenario) -> tuple[PlannerForm, PlanResult | None]:
    """The form (bound if the request carries inputs) and the plan, or None if invalid."""
    names = {f[0] for f in FINANCE_FIELDS + HR_YEAR_FIELDS} | {"ratio_point"}
    if not names.intersection(request.GET):
        form = PlannerForm(initial=PlannerForm.initial_for(base))
        return form, compute(base)
    # Inputs left out of the query keep the base scenario's values (a shared link may
    # carry only what changed); inputs sent blank mean "the default".
    data = {**PlannerForm.initial_for(base), **request.GET.dict()}
    form = PlannerForm(data)
    form.is_valid()
    try:
        return form, reading.plan(form.mapping())
    except PlanningInputError as exc:
        attach_errors(form, exc)
        return form, None


def _result_context(result: PlanResult | None, query: str) -> dict[str, Any]:
    if result is None:
        return {"result": None}
    data = result.to_dict()
    chart = charts.column_chart(
        [str(row["year"]) for row in data["years"]],
        [("Spending", [row["spending_crore"] for row in data["years"]])],
    )
    gaps = svg.bars([(row["label"], float(row["gap"]), "") for row in data["hr"]])
    inputs = dict(data["scenario"])
    inputs.pop("name", None)
    suffix = f"?{query}" if query else ""
    return {
        "result": data,
        "chart": chart,
        "gap_bars": gaps,
        "inputs_json": json.dumps(inputs),
        "exports": [
            (fmt.upper(), reverse("planning:export", args=[fmt]) + suffix) for fmt in FORMATS
        ],
    }


def _role_rows(form: PlannerForm, result: dict[str, Any] | None) -> list[dict[str, Any]]:
    by_role = {row["role"]: row for row in result["hr"]} if result else {}
    rows = []
    for key, label in ROLES:
        rows.append(
            {
                "key": key,
                "label": label,
                "fields": [form[role_field(key, field)] for field in ROLE_FIELDS],
                "note": form[role_field(key, "override_note")],
                "result": by_role.get(key),
            }
        )
    return rows


def _render_planner(
    request: HttpRequest,
    form: PlannerForm,
    result: PlanResult | None,
    saved: SavedScenario | None = None,
    query: str | None = None,
) -> HttpResponse:
    query = request.GET.urlencode() if query is None else query
    context: dict[str, Any] = {
        "form": form,
        "finance_fields": [form[f[0]] for f in FINANCE_FIELDS],
        "hr_year_fields": [form[f[0]] for f in HR_YEAR_FIELDS] + [form["ratio_point"]],
        "saved": saved,
        "can_change": saved.may_change(request.user) if saved else False,
        "brackets_note": BRACKETS_NOTE,
        **_result_context(result, query),
    }
    context["role_rows"] = _role_rows(form, context["result"])
    context["error_fields"] = [form[name] for name in form.fields if not form[name].is_hidden]
    status = 200 if result is not None else 400
    if _is_partial(request):
        context["oob"] = True
        return render(request, "planning/_results.html", context, status=status)
    context["scenarios"] = SavedScenario.objects.select_related("owner").order_by("name", "pk")
    if saved is not None:
        context["history"] = LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(SavedScenario),
            object_id=saved.pk,
        ).select_related("actor")[:20]
    return render(request, "planning/planner.html", context, status=status)


def _is_partial(request: HttpRequest) -> bool:
    """An htmx request for the results only (not a history restore, which needs the page)."""
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.history_restore_request  # type: ignore[union-attr]


def planner(request: HttpRequest) -> HttpResponse:
    form, result = _planner_form(request, seed_scenario())
    return _render_planner(request, form, result)


def _saved_or_404(slug: str) -> SavedScenario:
    return get_object_or_404(SavedScenario.objects.select_related("owner"), slug=slug)


def scenario_detail(request: HttpRequest, slug: str) -> HttpResponse:
    if slug == SEED_SLUG:
        return redirect("planning:planner")
    saved = _saved_or_404(slug)
    try:
        base = saved.scenario()
    except PlanningInputError as exc:
        messages.error(request, f"This saved scenario no longer reads: {exc}")
        base = seed_scenario()
    form, result = _planner_form(request, base)
    query = request.GET.urlencode()
    if not form.is_bound:
        query = ""
    response = _render_planner(request, form, result, saved=saved, query=query)
    return response


def _load(slug: str) -> tuple[str, PlanResult, str]:
    """(title, result, filename) of a saved scenario or the seed."""
    if slug == SEED_SLUG:
        return SEED_TITLE, compute(seed_scenario()), "planning-seed"
    saved = _saved_or_404(slug)
    try:
        return saved.name, saved.result(), f"planning-{saved.slug}"
    except PlanningInputError as exc:
        raise Http404(f"The saved scenario no longer reads: {exc}") from None


def export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The planner's current inputs (the query string) as a file; none: the seed."""
    if fmt not in FORMATS:
        raise Http404("unknown format")
    form, result = _planner_form(request, seed_scenario())
    if result is None:
        problems = "; ".join(f"{name}: {' '.join(errs)}" for name, errs in form.errors.items())
        return HttpResponse(
            "Fix the inputs first: " + problems, status=400, content_type="text/plain"
        )
    title = SEED_TITLE if not form.is_bound else "Planning scenario"
    filename = "planning-seed" if not form.is_bound else "planning-scenario"
    return plan_export(result, fmt, filename, title)


def scenario_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404("unknown format")
    title, result, filename = _load(slug)
    return plan_export(result, fmt, filename, title)


@require_POST
@login_required
def save(request: HttpRequest) -> HttpResponse:
    """Save the inputs shown under a name: a new scenario, or the user's own of that name."""
    name = request.POST.get("name", "").strip()
    raw = request.POST.get("inputs", "")
    back = request.POST.get("next") or reverse("planning:planner")
    if not back.startswith("/") or back.startswith("//"):
        back = reverse("planning:planner")
    if not name or len(name) > 100:
        messages.error(request, "Name: give the scenario a name of 1 to 100 characters.")
        return redirect(back)
    try:
        inputs = reading.read_scenario(json.loads(raw)).to_mapping()
    except (ValueError, PlanningInputError) as exc:
        messages.error(request, f"Not saved: the inputs do not read ({exc}).")
        return redirect(back)
    inputs.pop("name", None)
    description = request.POST.get("description", "").strip()[:2000]
    with set_actor(request.user), transaction.atomic():
        saved = SavedScenario.objects.filter(owner=request.user, name=name).first()
        if saved is None:
            saved = SavedScenario.objects.create(
                owner=request.user,
                name=name,
                slug=SavedScenario.free_slug(name),
                inputs=inputs,
                description=description,
            )
            messages.success(request, f"Saved as “{name}”.")
        else:
            saved.inputs = inputs
            if description:
                saved.description = description
            saved.save()
            messages.success(request, f"“{name}” updated.")
    return redirect(saved.get_absolute_url())


@require_POST
@login_required
def delete(request: HttpRequest, slug: str) -> HttpResponse:
    if slug == SEED_SLUG:
        return HttpResponse("The seed scenario is read-only.", status=403)
    saved = _saved_or_404(slug)
    if not saved.may_change(request.user):
        return HttpResponse("Only the scenario's owner or an admin may delete it.", status=403)
    with set_actor(request.user), transaction.atomic():
        saved.delete()
    messages.success(request, f"“{saved.name}” deleted.")
    return redirect("planning:planner")


def compare(request: HttpRequest) -> HttpResponse:
    slugs = list(dict.fromkeys(s for s in request.GET.getlist("s") if s))[:MAX_COMPARED]
    plans = []
    missing = []
    for slug in slugs:
        try:
            title, result, _filename = _load(slug)
        except Http404:
            missing.append(slug)
            continue
        plans.append({"slug": slug, "title": title, "data": result.to_dict()})
    context: dict[str, Any] = {
        "plans": plans,
        "missing": missing,
        "scenarios": SavedScenario.objects.select_related("owner").order_by("name", "pk"),
        "selected": slugs,
    }
    status = 200
    if len(plans) >= 2:
        years = sorted({row["year"] for plan in plans for row in plan["data"]["years"]})
        by_year = [{row["year"]: row for row in plan["data"]["years"]} for plan in plans]
        context["year_rows"] = [(year, [rows.get(year) for rows in by_year]) for year in years]
        context["chart"] = charts.column_chart(
            [str(y) for y in years],
            [
                (
                    plan["title"],
                    [(rows[year]["spending_crore"] if year in rows else 0) for year in years],
                )
                for plan, rows in zip(plans, by_year, strict=True)
            ],
        )
        context["total_rows"] = [
            (label, [plan["data"]["totals"][key] for plan in plans])
            for key, label in (
                ("first_5_years", "First 5 years"),
                ("next_5_years", "Next 5 years"),
                ("after_10_years", "After 10 years"),
                ("gross", "Gross"),
                ("peak_spending_crore", "Peak year"),
            )
        ]
        roles = [(row["role"], row["label"]) for row in plans[0]["data"]["hr"]]
        hr_by_plan = [{row["role"]: row for row in plan["data"]["hr"]} for plan in plans]
        context["hr_rows"] = [(label, [hr.get(key) for hr in hr_by_plan]) for key, label in roles]
        context["hr_totals"] = [plan["data"]["hr_totals"] for plan in plans]
    else:
        status = 400 if slugs else 200
    return render(request, "planning/compare.html", context, status=status)


def grants(request: HttpRequest) -> HttpResponse:
    result = None
    if "scheme" in request.GET:
        form = GrantForm(request.GET)
        form.is_valid()
        try:
            result = reading.grant(form.mapping()).to_dict()
        except PlanningInputError as exc:
            attach_grant_errors(form, exc)
    else:
        form = GrantForm(initial={"scheme": "mse-cdp", "component": "cfc", "category": "general"})
    context: dict[str, Any] = {
        "form": form,
        "result": result,
        "brackets_note": BRACKETS_NOTE,
        "error_fields": [form[name] for name in form.fields],
    }
    status = 400 if form.is_bound and result is None else 200
    if _is_partial(request):
        context["oob"] = True
        return render(request, "planning/_grant_result.html", context, status=status)
    return render(request, "planning/grants.html", context, status=status)
