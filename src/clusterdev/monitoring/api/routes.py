"""This app's API endpoints, registered on the project router."""

from clusterdev.monitoring.api import views

urlpatterns: list = []


def register(router) -> None:
    """Register this app's viewsets on the shared router."""
    router.register("monitoring/elements", views.DataElementViewSet, basename="monitoring-element")
    router.register(
        "monitoring/indicators", views.IndicatorViewSet, basename="monitoring-indicator"
    )
    router.register("monitoring/plans", views.MonitoringPlanViewSet, basename="monitoring-plan")
    router.register("monitoring/periods", views.PeriodViewSet, basename="monitoring-period")
    router.register("monitoring/values", views.ValueViewSet, basename="monitoring-value")
    router.register(
        "monitoring/indicator-values",
        views.IndicatorValueViewSet,
        basename="monitoring-indicator-value",
    )
    router.register(
        "monitoring/sustainability",
        views.SustainabilityCheckViewSet,
        basename="monitoring-sustainability",
    )
