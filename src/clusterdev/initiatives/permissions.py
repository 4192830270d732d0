"""Who sees and does what: querysets by viewer, shared by pages and the API."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from clusterdev.initiatives.models import Initiative


def _staff_institutions(user):
    return user.institution_memberships.values("institution")


def visible(user) -> QuerySet[Initiative]:
    """Initiatives the viewer may see at all (published ones for everyone)."""
    qs = Initiative.objects.select_related("institution", "cluster", "ta")
    if user.is_authenticated and user.is_superuser:
        return qs
    condition = Q(published=True)
    if user.is_authenticated:
        condition |= private_condition(user)
    return qs.filter(condition).distinct()


def private_condition(user) -> Q:
    return Q(institution__in=_staff_institutions(user)) | Q(cdas=user) | Q(ta=user)


def private(user) -> QuerySet[Initiative]:
    """Initiatives whose private records (steps, events, scores) the viewer may see."""
    if not user.is_authenticated:
        return Initiative.objects.none()
    if user.is_superuser:
        return Initiative.objects.all()
    return Initiative.objects.filter(private_condition(user)).distinct()


def editable(user) -> QuerySet[Initiative]:
    """Initiatives the viewer may edit: staff of its institution, its CDAs, admins."""
    if not user.is_authenticated:
        return Initiative.objects.none()
    if user.is_superuser:
        return Initiative.objects.all()
    return Initiative.objects.filter(
        Q(institution__in=_staff_institutions(user)) | Q(cdas=user)
    ).distinct()


def can_review(user, initiative: Initiative) -> bool:
    """Approve or return steps: its TA, its institution's staff, admins."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or initiative.ta_id == user.pk:
        return True
    return user.institution_memberships.filter(institution=initiative.institution_id).exists()


def can_manage(user, initiative: Initiative) -> bool:
    """Create initiatives for and manage an institution: its staff and admins."""
    if not user.is_authenticated:
        return False
    return (
        user.is_superuser
        or user.institution_memberships.filter(institution=initiative.institution_id).exists()
    )
