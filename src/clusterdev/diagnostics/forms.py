"""Page forms of the diagnostic study; model validation (clean) applies to page and API alike."""

from __future__ import annotations

from django import forms

from clusterdev.diagnostics.models import (
    Actor,
    Constraint,
    DiagnosticStudy,
    Document,
    Tie,
    document_problem,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT = forms.Textarea(attrs={"rows": 3})


LONG_TEXT = (
    "method", "potential", "linkages", "support_institutions", "strengths", "weaknesses",
    "opportunities", "threats",
)  # fmt: skip


class StudyForm(forms.ModelForm):
    class Meta:
        model = DiagnosticStudy
        fields = ["started_on", "completed_on", "authors", *LONG_TEXT]
        widgets = {"started_on": DATE, "completed_on": DATE, **{name: TEXT for name in LONG_TEXT}}


class ConstraintForm(forms.ModelForm):
    class Meta:
        model = Constraint
        fields = ["area", "title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


class DocumentForm(forms.ModelForm):
    class Meta:
        model = Document
        fields = ["title", "kind", "file"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        problem = document_problem(upload.name, upload.size)
        if problem:
            raise forms.ValidationError(problem)
        return upload


class ActorForm(forms.ModelForm):
    class Meta:
        model = Actor
        fields = ["name", "kind", "size", "institution", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, initiative, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.initiative = initiative
        self.fields["institution"].queryset = self.fields["institution"].queryset.order_by(
            "short_name"
        )

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        twins = Actor.objects.filter(initiative=self.instance.initiative, name__iexact=name)
        if twins.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError("The map has an actor so named already.")
        return name


class TieForm(forms.ModelForm):
    class Meta:
        model = Tie
        fields = ["source", "kind", "target", "strength", "notes"]
        labels = {"source": "From", "kind": "Kind of tie", "target": "To"}

    def __init__(self, *args, initiative, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.initiative = initiative
        actors = Actor.objects.filter(initiative=initiative).order_by("name")
        self.fields["source"].queryset = actors
        self.fields["target"].queryset = actors
