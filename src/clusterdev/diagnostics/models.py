"""Diagnostic studies and cluster actor maps (step 2)."""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q

from clusterdev.core.models import DomainModel
from clusterdev.diagnostics import choices
from clusterdev.initiatives.models import InitiativeRecord

STUDY_SECTIONS = [
    ("potential", "Potential of the cluster"),
    ("linkages", "Local linkages"),
    ("support_institutions", "Support institutions"),
    ("strengths", "Strengths"),
    ("weaknesses", "Weaknesses"),
    ("opportunities", "Opportunities"),
    ("threats", "Threats"),
]


class Constraint(InitiativeRecord, DomainModel):
    """A constraint the diagnostic study found; action plan activities are linked to these."""

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="constraints"
    )
    area = models.CharField(max_length=20, choices=choices.ConstraintArea.choices)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["initiative", "area", "title", "pk"]

    def __str__(self) -> str:
        return self.title


class DiagnosticStudy(InitiativeRecord, DomainModel):
    """The study of one initiative's cluster: its sections beside the constraints it found."""

    initiative = models.OneToOneField(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="diagnostic_study"
    )
    started_on = models.DateField(null=True, blank=True)
    completed_on = models.DateField(null=True, blank=True)
    authors = models.CharField(max_length=300, blank=True)
    method = models.TextField(blank=True, help_text="How the cluster's actors took part")
    potential = models.TextField(blank=True)
    linkages = models.TextField(blank=True)
    support_institutions = models.TextField(blank=True)
    strengths = models.TextField(blank=True)
    weaknesses = models.TextField(blank=True)
    opportunities = models.TextField(blank=True)
    threats = models.TextField(blank=True)

    class Meta:
        verbose_name_plural = "diagnostic studies"

    def __str__(self) -> str:
        return f"Diagnostic study of {self.initiative}"

    def clean(self) -> None:
        if self.started_on and self.completed_on and self.completed_on < self.started_on:
            raise ValidationError(
                {"completed_on": "The study cannot be completed before it started."}
            )

    def sections(self) -> list[tuple[str, str]]:
        return [(label, getattr(self, name)) for name, label in STUDY_SECTIONS]


def _document_path(instance: Document, filename: str) -> str:
    return f"diagnostics/{instance.initiative_id}/{Path(filename).name}"


class Document(InitiativeRecord, DomainModel):
    """A file attached to the study (report, survey data, minutes, photographs). Private."""

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="diagnostic_documents"
    )
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=choices.DocumentKind.choices)
    file = models.FileField(upload_to=_document_path, max_length=300)
    size = models.PositiveIntegerField(
        default=0, validators=[MaxValueValidator(choices.DOCUMENT_MAX_BYTES)]
    )

    class Meta:
        ordering = ["initiative", "-created", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def filename(self) -> str:
        return Path(self.file.name).name

    @property
    def content_type(self) -> str:
        return choices.DOCUMENT_TYPES.get(Path(self.file.name).suffix.lower(), "")


def document_problem(name: str, size: int) -> str | None:
    """Why an upload is refused (type or size), or None."""
    suffix = Path(name).suffix.lower()
    if suffix not in choices.DOCUMENT_TYPES:
        kinds = ", ".join(sorted(choices.DOCUMENT_TYPES))
        return f"'{Path(name).name}' is not a file type the study keeps; use one of {kinds}."
    if size > choices.DOCUMENT_MAX_BYTES:
        return (
            f"'{Path(name).name}' is {size / 1048576:.1f} MB; the limit is "
            f"{choices.DOCUMENT_MAX_BYTES // 1048576} MB."
        )
    if size == 0:
        return f"'{Path(name).name}' is empty."
    return None


class Actor(InitiativeRecord, DomainModel):
    """A node of the cluster map: an enterprise, a buyer, a BMO, an institution …"""

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="actors"
    )
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=choices.ActorKind.choices)
    size = models.CharField(max_length=10, choices=choices.ActorSize.choices, blank=True)
    institution = models.ForeignKey(
        "institutions.Institution",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="When the actor is an institution ClusterDev knows",
    )
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["initiative", "kind", "name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "name"], name="one_actor_name")
        ]

    def __str__(self) -> str:
        return self.name


class Tie(InitiativeRecord, DomainModel):
    """A link between two actors of the same initiative's map."""

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="ties"
    )
    source = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="ties_out")
    target = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="ties_in")
    kind = models.CharField(max_length=20, choices=choices.TieKind.choices)
    strength = models.PositiveSmallIntegerField(
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(3)],
        help_text="1 weak, 2 regular, 3 strong",
    )
    notes = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["initiative", "source__name", "target__name", "kind", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "source", "target", "kind"], name="one_tie_per_kind"
            ),
            models.CheckConstraint(condition=~Q(source=F("target")), name="no_self_tie"),
        ]

    def __str__(self) -> str:
        return f"{self.source} → {self.target} ({self.get_kind_display()})"

    def clean(self) -> None:
        errors = {}
        if self.source_id and self.target_id and self.source_id == self.target_id:
            errors["target"] = "An actor cannot be tied to itself."
        for field in ("source", "target"):
            actor = getattr(self, field) if getattr(self, f"{field}_id") else None
            if actor is not None and actor.initiative_id != self.initiative_id:
                errors[field] = f"'{actor}' is an actor of another initiative's map."
        if not errors and self.source_id and self.target_id:
            twin = Tie.objects.filter(
                initiative_id=self.initiative_id,
                source_id=self.source_id,
                target_id=self.target_id,
                kind=self.kind,
            ).exclude(pk=self.pk)
            if twin.exists():
                errors["kind"] = "This tie is on the map already."
        if errors:
            raise ValidationError(errors)
