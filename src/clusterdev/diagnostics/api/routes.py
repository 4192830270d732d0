"""This app's API endpoints, registered on the project router."""

from django.urls import path

from clusterdev.diagnostics.api import views

urlpatterns: list = [
    path(
        "diagnostics/initiatives/<int:pk>/measures/",
        views.measures,
        name="diagnostics-measures",
    ),
]


def register(router) -> None:
    """Register this app's viewsets on the shared router."""
    router.register("diagnostics/studies", views.StudyViewSet, basename="diagnostic-study")
    router.register(
        "diagnostics/constraints", views.ConstraintViewSet, basename="diagnostic-constraint"
    )
    router.register("diagnostics/documents", views.DocumentViewSet, basename="diagnostic-document")
    router.register("diagnostics/actors", views.ActorViewSet, basename="diagnostic-actor")
    router.register("diagnostics/ties", views.TieViewSet, basename="diagnostic-tie")
