"""Page forms: the same checks as the API (services.activity_problems, model validators)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from clusterdev.actionplans import choices, services
from clusterdev.actionplans.models import (
    NETWORK_MEMBERS,
    SPV,
    Activity,
    ActivityProgress,
    CommonFacility,
    EnterpriseNetwork,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ActivityForm(forms.ModelForm):
    class Meta:
        model = Activity
        fields = [
            "code", "title", "description", "constraints", "budget_inr", "start_date",
            "end_date", "responsible", *choices.SHARE_FIELDS, "scheme_name",
        ]  # fmt: skip
        widgets = {
            "start_date": DATE,
            "end_date": DATE,
            "description": forms.Textarea(attrs={"rows": 2}),
            "constraints": forms.CheckboxSelectMultiple,
        }
        labels = {
            "budget_inr": _("Budget (Rs)"),
            "share_private": _("Private share (%)"),
            "share_institution": _("Institution share (%)"),
            "share_scheme": _("Scheme share (%)"),
            "share_state": _("State share (%)"),
            "constraints": _("Diagnosed constraints it answers"),
        }

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.fields["code"].required = False
        self.fields["code"].help_text = _("Leave empty for the next free code (A1, A2, …).")
        self.fields["constraints"].queryset = plan.initiative.constraints.all()

    def clean(self):
        data = super().clean()
        if self.plan.locked:
            raise forms.ValidationError(str(services.PlanLocked(self.plan)))
        problems = services.activity_problems(self.plan, data, self.instance)
        for name, message in problems.items():
            if name in self.fields and name not in self.errors:
                self.add_error(name, message)
            elif name not in self.fields:
                self.add_error(None, message)
        return data


class PlanNoteForm(forms.Form):
    note = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        label=_("What this version changes"),
    )


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(choices=choices.Decision.choices)
    reason = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def clean(self):
        data = super().clean()
        if data.get("decision") == choices.Decision.RETURNED and not data.get("reason", "").strip():
            self.add_error("reason", _("Say why the plan is returned."))
        return data


class ProgressForm(forms.ModelForm):
    class Meta:
        model = ActivityProgress
        fields = ["activity", "date", "percent_complete", "spent_inr", "note"]
        widgets = {"date": DATE, "note": forms.Textarea(attrs={"rows": 2})}
        labels = {"spent_inr": _("Spent so far (Rs, cumulative)")}

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # A report stays with its activity (corrections only), even once the plan is
            # revised and its activity belongs to a superseded version.
            self.fields["activity"].queryset = Activity.objects.filter(pk=self.instance.activity_id)
            self.fields["activity"].disabled = True
        else:
            self.fields["activity"].queryset = (
                plan.activities.all() if plan else Activity.objects.none()
            )

    def clean(self):
        data = super().clean()
        for name, message in services.progress_problems(data, self.instance).items():
            if name not in self.errors:
                self.add_error(name, message)
        return data


class FacilityForm(forms.ModelForm):
    class Meta:
        model = CommonFacility
        fields = [
            "name", "services", "cost_inr", "grant_inr", "status", "opened_on", "users_per_month",
        ]  # fmt: skip
        widgets = {"opened_on": DATE, "services": forms.Textarea(attrs={"rows": 2})}
        labels = {"cost_inr": _("Cost (Rs)"), "grant_inr": _("Grant (Rs)")}

    def __init__(self, *args, initiative, **kwargs):
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        for name, message in facility_problems(data).items():
            self.add_error(name, message)
        return data


def facility_problems(data: dict) -> dict:
    errors = {}
    cost, grant = data.get("cost_inr"), data.get("grant_inr")
    if cost is not None and grant is not None and grant > cost:
        errors["grant_inr"] = (
            f"The grant (Rs {grant:,.0f}) cannot exceed the cost (Rs {cost:,.0f})."
        )
    if data.get("status") == choices.FacilityStatus.OPERATIONAL and not data.get("opened_on"):
        errors["opened_on"] = "An operational facility needs its opening date."
    return errors


class SPVForm(forms.ModelForm):
    class Meta:
        model = SPV
        fields = ["name", "legal_form", "registered_on", "members", "equity_notes", "facility"]
        widgets = {"registered_on": DATE, "equity_notes": forms.Textarea(attrs={"rows": 2})}
        labels = {"facility": _("Common facility it owns or runs")}

    def __init__(self, *args, initiative, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["facility"].queryset = initiative.common_facilities.all()


class NetworkForm(forms.ModelForm):
    class Meta:
        model = EnterpriseNetwork
        fields = ["name", "purpose", "members", "formed_on"]
        widgets = {"formed_on": DATE}
        labels = {"members": _("Member enterprises (3–20)")}

    def __init__(self, *args, initiative, **kwargs):
        super().__init__(*args, **kwargs)
        # the seed's range, with its own words rather than the generic bound messages
        self.fields["members"].validators = list(NETWORK_MEMBERS)


# The implementation records edited by the generic record views: kind → (model, form, label).
RECORDS = {
    "facilities": (CommonFacility, FacilityForm, _("Common facility")),
    "spvs": (SPV, SPVForm, _("SPV")),
    "networks": (EnterpriseNetwork, NetworkForm, _("Enterprise network")),
}
