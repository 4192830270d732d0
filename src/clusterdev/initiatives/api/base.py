"""The base of every API endpoint for rows that belong to an initiative (any step app)."""

from __future__ import annotations

from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import permissions, viewsets
from rest_framework.exceptions import PermissionDenied

from clusterdev.initiatives import permissions as rules


class InitiativeChildViewSet(viewsets.ModelViewSet):
    """Rows of an initiative: its private readers see them, its editors write them.

    Subclasses set ``model``; ``refusal`` is the message a viewer who may read but not edit
    gets (403). Rows of initiatives the viewer may not read do not exist for her (404).
    """

    permission_classes = [permissions.IsAuthenticated]
    filter_backends = [DjangoFilterBackend]
    filterset_fields = ["initiative"]
    refusal = "You may not edit this initiative's records."

    def get_queryset(self):
        return self.model.objects.filter(initiative__in=rules.private(self.request.user))

    def get_serializer(self, *args, **kwargs):
        """Ids of initiatives (and their rows) the viewer may not read do not exist for her:
        a 400 "does not exist", never a hint that they do."""
        serializer = super().get_serializer(*args, **kwargs)
        fields = getattr(serializer, "fields", {})
        user = self.request.user
        if "initiative" in fields and user.is_authenticated:
            fields["initiative"].queryset = rules.private(user)
        for name, field in fields.items():
            model = getattr(getattr(field, "queryset", None), "model", None)
            if name != "initiative" and model is not None and hasattr(model, "initiative"):
                field.queryset = field.queryset.filter(initiative__in=rules.private(user))
        return serializer

    def _check(self, initiative):
        if not rules.editable(self.request.user).filter(pk=initiative.pk).exists():
            raise PermissionDenied(self.refusal)

    def perform_create(self, serializer):
        self._check(serializer.validated_data["initiative"])
        serializer.save()

    def perform_update(self, serializer):
        self._check(serializer.instance.initiative)
        if "initiative" in serializer.validated_data:
            self._check(serializer.validated_data["initiative"])
        serializer.save()

    def perform_destroy(self, instance):
        self._check(instance.initiative)
        instance.delete()
