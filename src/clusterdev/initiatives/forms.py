"""Page forms: the same rules as the API (services.validate_initiative, the serializers)."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from clusterdev.initiatives import choices, gates, services
from clusterdev.initiatives.models import Initiative, SelectionScore, StepRecord, TrustEvent
from clusterdev.registry.models import Cluster

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class FilterForm(forms.Form):
    q = forms.CharField(required=False, label=_("Search"))
    institution = forms.ModelChoiceField(
        queryset=None, required=False, empty_label=_("Any institution"), to_field_name="slug"
    )
    state = forms.CharField(required=False, widget=forms.HiddenInput)
    typology = forms.ChoiceField(required=False)
    step = forms.TypedChoiceField(
        choices=[("", _("Any step")), *choices.Step.choices], coerce=int, required=False
    )
    status = forms.ChoiceField(
        choices=[("", _("Any status")), *choices.Status.choices], required=False
    )

    def __init__(self, *args, **kwargs):
        from clusterdev.institutions.models import Institution
        from clusterdev.registry.choices import Typology

        super().__init__(*args, **kwargs)
        self.fields["institution"].queryset = Institution.objects.filter(
            initiatives__isnull=False
        ).distinct()
        self.fields["typology"].choices = [("", _("Any type")), *Typology.choices]


class UsernamesField(forms.CharField):
    """Users named by their user names, separated by commas; unknown names are an error."""

    def __init__(self, *, many: bool, **kwargs):
        self.many = many
        super().__init__(required=False, **kwargs)

    def clean(self, value):
        names = [n.strip() for n in (super().clean(value) or "").split(",") if n.strip()]
        if not self.many and len(names) > 1:
            raise ValidationError(_("Name one user only."))
        users = {u.username: u for u in get_user_model().objects.filter(username__in=names)}
        unknown = [n for n in names if n not in users]
        if unknown:
            raise ValidationError(_("No user called: %(names)s.") % {"names": ", ".join(unknown)})
        found = [users[n] for n in names]
        return found if self.many else (found[0] if found else None)


class InitiativeForm(forms.ModelForm):
    """Create or edit an initiative. Only managers (staff, admins) assign people and move it
    to another institution; a CDA edits the rest."""

    cluster = forms.ModelChoiceField(
        queryset=Cluster.objects.all(),
        to_field_name="slug",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        help_text=_("The cluster's short name (slug), e.g. firozabad-glass."),
        error_messages={"invalid_choice": _("No cluster has this short name.")},
    )
    objectives = forms.MultipleChoiceField(
        choices=choices.Objective.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    cdas = UsernamesField(many=True, label=_("CDAs"), help_text=_("User names, comma-separated"))
    ta = UsernamesField(many=False, label=_("Technical advisor (TA)"))

    class Meta:
        model = Initiative
        fields = [
            "title", "institution", "cluster", "summary", "status", "start_date",
            "planned_end_date", "actual_end_date", "objectives", "approach", "cdas", "ta",
            "published",
        ]  # fmt: skip
        widgets = {
            "start_date": DATE,
            "planned_end_date": DATE,
            "actual_end_date": DATE,
            "summary": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user, manager: bool, **kwargs):
        from clusterdev.institutions.models import Institution

        super().__init__(*args, **kwargs)
        self.manager = manager
        if user.is_superuser:
            institutions = Institution.objects.all()
        else:
            institutions = Institution.objects.filter(memberships__user=user)
        self.fields["institution"].queryset = institutions.order_by("name")
        if self.instance.pk:
            # As text, so that a disabled field cleans its initial value like typed input.
            self.initial["cdas"] = ", ".join(u.username for u in self.instance.cdas.all())
            self.initial["ta"] = self.instance.ta.username if self.instance.ta else ""
        if not manager:
            self.fields["institution"].queryset = Institution.objects.filter(
                pk=self.instance.institution_id
            )
            for name in ("institution", "cdas", "ta"):
                self.fields[name].disabled = True

    def clean(self):
        data = super().clean()
        changes = {k: v for k, v in data.items() if k in services.CHECKED_FIELDS}
        try:
            services.validate_initiative(self.instance if self.instance.pk else None, changes)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                for message in messages:
                    self.add_error(field if field in self.fields else None, message)
        return data


class StepRecordForm(forms.Form):
    """The summary and free sections of one step's record."""

    summary = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, step: int, **kwargs):
        super().__init__(*args, **kwargs)
        for key, label in choices.STEP_SECTIONS[step]:
            self.fields[f"section_{key}"] = forms.CharField(
                label=label, required=False, widget=forms.Textarea(attrs={"rows": 3})
            )

    @staticmethod
    def initial_for(record: StepRecord | None) -> dict:
        if record is None:
            return {}
        initial = {"summary": record.summary}
        initial.update({f"section_{k}": v for k, v in (record.sections or {}).items()})
        return initial

    def sections(self) -> dict:
        return {
            name.removeprefix("section_"): value
            for name, value in self.cleaned_data.items()
            if name.startswith("section_") and value
        }


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(choices=choices.Decision.choices)
    reason = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def clean(self):
        data = super().clean()
        if data.get("decision") == choices.Decision.RETURNED and not data.get("reason", "").strip():
            self.add_error("reason", "Say why the record is returned.")
        return data


class WeightsForm(forms.Form):
    socio_economic_importance = forms.FloatField(initial=1)
    promotability = forms.FloatField(initial=1)
    viability = forms.FloatField(initial=1)
    sustainability = forms.FloatField(initial=1)

    def clean(self):
        data = super().clean()
        if len(data) == len(gates.CRITERIA):
            error = gates.weights_error(data)
            if error:
                raise forms.ValidationError(error)
        return data


class SelectionScoreForm(forms.ModelForm):
    cluster = forms.ModelChoiceField(
        queryset=Cluster.objects.all(),
        to_field_name="slug",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        help_text=_("The candidate cluster's short name (slug)."),
        error_messages={"invalid_choice": _("No cluster has this short name.")},
    )

    class Meta:
        model = SelectionScore
        fields = [
            "cluster", "socio_economic_importance", "promotability", "viability",
            "sustainability",
        ]  # fmt: skip

    def __init__(self, *args, initiative: Initiative, **kwargs):
        super().__init__(*args, **kwargs)
        self.initiative = initiative

    def clean_cluster(self):
        cluster = self.cleaned_data["cluster"]
        taken = SelectionScore.objects.filter(initiative=self.initiative, cluster=cluster)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise ValidationError(_("This cluster is scored already; edit its row instead."))
        return cluster


class TrustEventForm(forms.ModelForm):
    class Meta:
        model = TrustEvent
        fields = ["kind", "date", "outcomes"]
        widgets = {"date": DATE, "outcomes": forms.Textarea(attrs={"rows": 3})}


class ParticipantForm(forms.Form):
    actor_type = forms.ChoiceField(choices=[("", "—"), *choices.ActorType.choices], required=False)
    women = forms.IntegerField(min_value=0, max_value=100000, required=False)
    men = forms.IntegerField(min_value=0, max_value=100000, required=False)

    def clean(self):
        data = super().clean()
        counted = data.get("women") or data.get("men")
        if counted and not data.get("actor_type"):
            self.add_error("actor_type", _("Say who these participants were."))
        return data


ParticipantFormSet = forms.formset_factory(ParticipantForm, extra=3, max_num=30)


def participant_rows(formset) -> list[dict]:
    """The filled rows of a valid participant formset, as TrustEvent.participants stores them."""
    rows = []
    for form in formset:
        data = form.cleaned_data
        if data.get("actor_type"):
            rows.append(
                {
                    "actor_type": data["actor_type"],
                    "women": data.get("women") or 0,
                    "men": data.get("men") or 0,
                }
            )
    return rows
