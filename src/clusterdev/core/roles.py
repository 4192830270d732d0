"""The platform's roles and what each may do.

- public: anyone, signed in or not; reads published data.
- curator: member of the ``curator`` group; edits the registry and reference data.
- admin: a superuser; everything, including candidates and user management.

Row-level rules live in each model's queryset (``visible_to(user)``) so that pages,
exports and the API show a viewer exactly the same rows.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_migrate

CURATOR_GROUP = "curator"
# Models whose rows a curator may add, change and delete: "app_label.model".
CURATOR_MODELS = [
    "registry.cluster",
    "registry.estimate",
    "registry.source",
    "registry.nationalfigure",
    "registry.breakdown",
    "registry.breakdownitem",
    "institutions.institution",
    "institutions.statustable",
    "institutions.statusrow",
    "institutions.timelineentry",
    "monitoring.dataelement",
    "monitoring.indicator",
]

# Reference data a curator may look up (e.g. in the admin's autocomplete) but not edit.
CURATOR_VIEW_MODELS = [
    "geography.state",
    "geography.district",
    "geography.pincode",
    "registry.niccode",
]


def is_admin(user: Any) -> bool:
    return bool(user and user.is_authenticated and user.is_superuser)


def is_curator(user: Any) -> bool:
    """A curator, or an admin (who may do all a curator may)."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_clusterdev_is_curator", None)
    if cached is None:
        cached = user.groups.filter(name=CURATOR_GROUP).exists()
        user._clusterdev_is_curator = cached
    return bool(cached)


def ensure_groups(**_: Any) -> None:
    """Create the curator group with its model permissions (idempotent)."""
    from django.contrib.auth.models import Group, Permission

    group, _created = Group.objects.get_or_create(name=CURATOR_GROUP)
    wanted = []
    for dotted in CURATOR_MODELS:
        app_label, model = dotted.split(".")
        wanted.extend(
            Permission.objects.filter(content_type__app_label=app_label, content_type__model=model)
        )
    for dotted in CURATOR_VIEW_MODELS:
        app_label, model = dotted.split(".")
        wanted.extend(
            Permission.objects.filter(
                content_type__app_label=app_label,
                content_type__model=model,
                codename__startswith="view_",
            )
        )
    group.permissions.set(wanted)


def connect_signals() -> None:
    post_migrate.connect(ensure_groups, dispatch_uid="clusterdev.core.roles.ensure_groups")
