"""Action plan and implementation pages: the initiatives app's querysets by viewer and the
same services as the API, so both agree on who sees and changes what."""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Prefetch, Sum
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clusterdev.actionplans import choices, exports, forms, rules, services
from clusterdev.actionplans.models import ActionPlan, Activity, ActivityProgress, PlanReview
from clusterdev.core import exports as core_exports
from clusterdev.initiatives import permissions as perms

FORMATS = {"csv", "xlsx"}


def _initiative(request, pk):
    """The initiative if the viewer may read its private records, else 404."""
    return get_object_or_404(
        perms.private(request.user).select_related("cluster", "institution", "ta"), pk=pk
    )


def _can_edit(request, initiative) -> bool:
    return perms.editable(request.user).filter(pk=initiative.pk).exists()


def _plan(request, pk) -> ActionPlan:
    return get_object_or_404(
        ActionPlan.objects.filter(initiative__in=perms.private(request.user)).select_related(
            "initiative__cluster", "initiative__institution"
        ),
        pk=pk,
    )


@login_required
def index(request):
    """Every initiative whose plan the viewer may read, with its latest version."""
    initiatives = (
        perms.private(request.user)
        .select_related("institution", "cluster")
        .prefetch_related(
            Prefetch(
                "action_plans",
                queryset=ActionPlan.objects.annotate(
                    n_activities=Count("activities"), budget=Sum("activities__budget_inr")
                ).order_by("-version"),
            )
        )
        .order_by("title", "pk")
    )
    rows = []
    for initiative in initiatives:
        plans = list(initiative.action_plans.all())
        approved = next((p for p in plans if p.status == choices.PlanStatus.APPROVED), None)
        rows.append(
            {
                "initiative": initiative,
                "current": plans[0] if plans else None,
                "approved": approved,
                "versions": len(plans),
            }
        )
    return render(request, "actionplans/index.html", {"rows": rows, "kinds": exports.KINDS})


@login_required
def download(request, kind, fmt):
    """CSV/XLSX of one kind of record over the initiatives the viewer may read privately."""
    if fmt not in FORMATS:
        return HttpResponse(f"format must be csv or xlsx, not {fmt!r}", status=400)
    initiatives = perms.private(request.user)
    name = kind
    if request.GET.get("initiative"):
        try:
            initiative_id = int(request.GET["initiative"])
        except ValueError:
            return HttpResponse("initiative must be a number", status=400)
        initiatives = initiatives.filter(pk=initiative_id)
        name = f"{kind}-{initiative_id}"
    found = exports.rows_for(kind, initiatives)
    if found is None:
        raise Http404
    columns, rows = found
    if kind == "activities" and request.GET.get("version", "").isdigit():
        rows = rows.filter(plan__version=int(request.GET["version"]))
        name += f"-v{request.GET['version']}"
    writer = core_exports.csv_response if fmt == "csv" else core_exports.xlsx_response
    return writer(name, columns, rows)


def _activities(plan):
    return list(
        plan.activities.prefetch_related("constraints").order_by("start_date", "code", "pk")
    )


@login_required
def plan_page(request, pk):
    """The initiative's action plan: a version (the latest unless ?version=n), its activities
    with shares and totals, the private share against the target, versions and reviews."""
    initiative = _initiative(request, pk)
    plans = list(
        initiative.action_plans.prefetch_related(
            Prefetch("reviews", queryset=PlanReview.objects.select_related("reviewer"))
        ).order_by("version")
    )
    plan = plans[-1] if plans else None
    wanted = request.GET.get("version", "")
    if wanted:
        plan = next((p for p in plans if str(p.version) == wanted), None)
        if plan is None:
            raise Http404
    summary = services.summarise(initiative, plan, _activities(plan) if plan else None)
    latest = plans[-1] if plans else None
    context = {
        "initiative": initiative,
        "plans": plans,
        "plan": plan,
        "is_latest": plan is latest,
        "summary": summary,
        "share_labels": [(f, choices.SHARE_LABELS[f]) for f in choices.SHARE_FIELDS],
        "can_edit": _can_edit(request, initiative),
        "can_review": perms.can_review(request.user, initiative),
        "can_start": latest is None or latest.status not in choices.OPEN,
        "review_form": forms.ReviewForm(),
        "note_form": forms.PlanNoteForm(initial={"note": plan.note if plan else ""}),
        "first_approved": next((p for p in plans if p.locked), None),
    }
    return render(request, "actionplans/plan.html", context)


@login_required
@require_POST
def new_version(request, pk):
    initiative = get_object_or_404(perms.editable(request.user), pk=pk)
    note = forms.PlanNoteForm(request.POST)
    try:
        plan = services.new_version(initiative, note.data.get("note", "")[:5000])
    except services.Conflict as conflict:
        messages.error(request, str(conflict))
        return redirect("actionplans:plan", pk=pk)
    messages.success(request, _("Version %(n)s started.") % {"n": plan.version})
    return redirect("actionplans:plan", pk=pk)


def _editable_plan(request, pk) -> ActionPlan:
    plan = _plan(request, pk)
    if not _can_edit(request, plan.initiative):
        raise PermissionDenied
    return plan


@login_required
@require_POST
def plan_note(request, pk):
    plan = _editable_plan(request, pk)
    form = forms.PlanNoteForm(request.POST)
    if form.is_valid():
        try:
            services.update_note(plan, form.cleaned_data["note"])
            messages.success(request, _("Note saved."))
        except services.Conflict as conflict:
            messages.error(request, str(conflict))
    return redirect("actionplans:plan", pk=plan.initiative_id)


@login_required
@require_POST
def plan_submit(request, pk):
    plan = _editable_plan(request, pk)
    try:
        services.submit(plan)
        messages.success(request, _("Submitted for review."))
    except services.Conflict as conflict:
        messages.error(request, str(conflict))
    return redirect("actionplans:plan", pk=plan.initiative_id)


@login_required
@require_POST
def plan_review(request, pk):
    plan = _plan(request, pk)
    if not perms.can_review(request.user, plan.initiative):
        raise PermissionDenied
    form = forms.ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
    else:
        try:
            services.review(plan, request.user, **form.cleaned_data)
            messages.success(request, _("Review recorded."))
        except services.Conflict as conflict:
            messages.error(request, str(conflict))
    return redirect("actionplans:plan", pk=plan.initiative_id)


def _activity_form(request, plan, activity):
    form = forms.ActivityForm(request.POST or None, instance=activity, plan=plan)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.save_activity(plan, activity, data)
        except services.Conflict as conflict:
            form.add_error(None, str(conflict))
        else:
            messages.success(request, _("Activity saved."))
            return redirect("actionplans:plan", pk=plan.initiative_id)
    context = {"form": form, "plan": plan, "initiative": plan.initiative, "activity": activity}
    status = 400 if request.method == "POST" else 200
    return render(request, "actionplans/activity_form.html", context, status=status)


@login_required
def activity_new(request, pk):
    return _activity_form(request, _editable_plan(request, pk), None)


@login_required
def activity_edit(request, pk):
    activity = get_object_or_404(
        Activity.objects.filter(plan__initiative__in=perms.private(request.user)), pk=pk
    )
    plan = _editable_plan(request, activity.plan_id)
    return _activity_form(request, plan, activity)


@login_required
@require_POST
def activity_delete(request, pk):
    activity = get_object_or_404(
        Activity.objects.filter(plan__initiative__in=perms.editable(request.user)), pk=pk
    )
    initiative_id = activity.plan.initiative_id
    try:
        services.delete_activity(activity)
        messages.success(request, _("Activity removed."))
    except services.Conflict as conflict:
        messages.error(request, str(conflict))
    return redirect("actionplans:plan", pk=initiative_id)


@login_required
def compare(request, pk):
    """Two versions side by side: by default the latest against the first approved one."""
    initiative = _initiative(request, pk)
    plans = {p.version: p for p in initiative.action_plans.order_by("version")}
    if not plans:
        raise Http404
    first = next((p for p in plans.values() if p.locked), None)
    latest = plans[max(plans)]
    default_a = first or plans[min(plans)]
    try:
        a = plans[int(request.GET["a"])] if request.GET.get("a") else default_a
        b = plans[int(request.GET["b"])] if request.GET.get("b") else latest
    except (KeyError, ValueError):
        raise Http404 from None

    def rows(plan):
        return [
            {f: getattr(x, f) for f in ("code", *choices.COMPARED_FIELDS)} | {"pk": x.pk}
            for x in plan.activities.order_by("code")
        ]

    before, after = rows(a), rows(b)
    if request.GET.get("export"):
        fmt = request.GET["export"]
        if fmt not in FORMATS:
            return HttpResponse(f"export must be csv or xlsx, not {fmt!r}", status=400)
        columns, table = exports.compare_table(a, b, before, after, choices.COMPARED_FIELDS)
        writer = core_exports.csv_response if fmt == "csv" else core_exports.xlsx_response
        return writer(f"action-plan-{initiative.pk}-v{a.version}-v{b.version}", columns, table)
    result = rules.compare(before, after, choices.COMPARED_FIELDS)
    labels = choices.COMPARED_LABELS
    context = {
        "initiative": initiative,
        "a": a,
        "b": b,
        "first_approved": first,
        "versions": list(plans.values()),
        "result": result,
        "labels": labels,
        "versions_query": f"a={a.version}&b={b.version}",
    }
    return render(request, "actionplans/compare.html", context)


def chart(rows, width: float = 420.0) -> dict:
    """A horizontal SVG bar chart, budget against spent, one pair of bars per activity."""
    largest = max(
        [r.activity.budget_inr for r in rows] + [r.spending["spent"] for r in rows],
        default=Decimal(0),
    )
    scale = float(width) / float(largest) if largest else 0.0
    items = []
    for index, row in enumerate(rows):
        y = 8 + index * 34
        items.append(
            {
                "y": y,
                "label_y": y + 12,
                "spent_y": y + 15,
                "code": row.activity.code,
                "budget_w": round(float(row.activity.budget_inr) * scale, 1),
                "spent_w": round(float(row.spending["spent"]) * scale, 1),
                "over": row.spending["overspent"],
                "title": f"{row.activity.code}: budget Rs {row.activity.budget_inr:,.0f}, "
                f"spent Rs {row.spending['spent']:,.0f}",
            }
        )
    return {"width": width + 70, "height": 16 + 34 * len(rows), "left": 60, "items": items}


@login_required
def implementation(request, pk):
    """Step 5: progress and spending per activity of the approved plan, SPVs, networks, CFCs."""
    initiative = _initiative(request, pk)
    plan, rows, total = services.spending(initiative)
    can_edit = _can_edit(request, initiative)
    progress_form = forms.ProgressForm(plan=plan)
    context = {
        "initiative": initiative,
        "plan": plan,
        "rows": rows,
        "total": total,
        "chart": chart(rows),
        "can_edit": can_edit,
        "progress_form": progress_form,
        "facilities": list(initiative.common_facilities.all()),
        "spvs": list(initiative.spvs.select_related("facility")),
        "networks": list(initiative.enterprise_networks.all()),
        "kinds": exports.KINDS,
    }
    return render(request, "actionplans/implementation.html", context)


@login_required
def progress_new(request, pk):
    initiative = get_object_or_404(perms.editable(request.user), pk=pk)
    plan = services.approved(initiative)
    form = forms.ProgressForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Progress recorded."))
        return redirect("actionplans:implementation", pk=pk)
    status = 400 if request.method == "POST" else 200
    context = {
        "form": form,
        "initiative": initiative,
        "title": _("Progress of an activity"),
        "back": "actionplans:implementation",
    }
    return render(request, "actionplans/record_form.html", context, status=status)


@login_required
def progress_edit(request, pk):
    """Correct a progress report: its readers find it, its editors change it (not the TA)."""
    report = get_object_or_404(
        ActivityProgress.objects.filter(
            activity__plan__initiative__in=perms.private(request.user)
        ).select_related("activity__plan__initiative"),
        pk=pk,
    )
    initiative = report.activity.plan.initiative
    if not _can_edit(request, initiative):
        raise PermissionDenied
    form = forms.ProgressForm(request.POST or None, instance=report, plan=None)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Progress report saved."))
        return redirect("actionplans:implementation", pk=initiative.pk)
    status = 400 if request.method == "POST" else 200
    context = {
        "form": form,
        "initiative": initiative,
        "title": _("Progress of %(code)s") % {"code": report.activity.code},
        "back": "actionplans:implementation",
        "instance": report,
    }
    return render(request, "actionplans/record_form.html", context, status=status)


@login_required
@require_POST
def progress_delete(request, pk):
    report = get_object_or_404(
        ActivityProgress.objects.filter(
            activity__plan__initiative__in=perms.editable(request.user)
        ),
        pk=pk,
    )
    initiative_id = report.activity.plan.initiative_id
    report.delete()
    messages.success(request, _("Progress report removed."))
    return redirect("actionplans:implementation", pk=initiative_id)


def _record_model(kind):
    if kind not in forms.RECORDS:
        raise Http404
    return forms.RECORDS[kind]


def _record_form(request, kind, initiative, instance):
    _model, form_class, label = _record_model(kind)
    form = form_class(request.POST or None, instance=instance, initiative=initiative)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            row = form.save(commit=False)
            row.initiative = initiative
            row.save()
        messages.success(request, _("%(what)s saved.") % {"what": label})
        return redirect("actionplans:implementation", pk=initiative.pk)
    status = 400 if request.method == "POST" else 200
    context = {
        "form": form,
        "initiative": initiative,
        "title": label,
        "back": "actionplans:implementation",
        "kind": kind,
        "instance": instance,
    }
    return render(request, "actionplans/record_form.html", context, status=status)


@login_required
def record_new(request, pk, kind):
    _record_model(kind)
    initiative = get_object_or_404(perms.editable(request.user), pk=pk)
    return _record_form(request, kind, initiative, None)


@login_required
def record_edit(request, kind, pk):
    model, _form, _label = _record_model(kind)
    row = get_object_or_404(
        model.objects.filter(initiative__in=perms.editable(request.user)), pk=pk
    )
    return _record_form(request, kind, row.initiative, row)


@login_required
@require_POST
def record_delete(request, kind, pk):
    model, _form, label = _record_model(kind)
    row = get_object_or_404(
        model.objects.filter(initiative__in=perms.editable(request.user)), pk=pk
    )
    row.delete()
    messages.success(request, _("%(what)s removed.") % {"what": label})
    return redirect("actionplans:implementation", pk=row.initiative_id)
