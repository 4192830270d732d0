"""What monitoring requires before an initiative may be marked completed."""

from __future__ import annotations

from django.utils.translation import gettext as _

from clusterdev.monitoring.models import Period, SustainabilityCheck


def completion_problem(initiative) -> str | None:
    """Why the initiative may not be completed yet (monitoring's part), or None.

    It needs at least one approved monitoring period and one sustainability check.
    """
    problems = []
    if not Period.objects.filter(initiative=initiative, approved_at__isnull=False).exists():
        problems.append(_("at least one approved monitoring period"))
    if not SustainabilityCheck.objects.filter(initiative=initiative).exists():
        problems.append(_("a sustainability check"))
    if not problems:
        return None
    return _("The initiative cannot be completed without %(missing)s.") % {
        "missing": _(" and ").join(problems)
    }
