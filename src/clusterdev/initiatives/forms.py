from django import forms

from clusterdev.initiatives import choices, gates


class FilterForm(forms.Form):
    institution = forms.IntegerField(required=False, widget=forms.HiddenInput)
    state = forms.IntegerField(required=False, widget=forms.HiddenInput)
    step = forms.TypedChoiceField(
        choices=[("", "Any step"), *choices.Step.choices], coerce=int, required=False
    )
    status = forms.ChoiceField(
        choices=[("", "Any status"), *choices.Status.choices], required=False
    )


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
