"""This app's API endpoints, registered on the project router."""

urlpatterns: list = []


def register(router) -> None:
    """Register this app's viewsets on the shared router."""
