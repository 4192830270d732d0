from typing import Any

from django.http import HttpRequest

from clusterdev import __version__
from clusterdev.core import roles


def site(request: HttpRequest) -> dict[str, Any]:
    return {
        "clusterdev_version": __version__,
        "user_is_curator": roles.is_curator(request.user),
    }
