"""This app's API endpoints, registered on the project router."""

from clusterdev.actionplans.api import views

urlpatterns: list = []


def register(router) -> None:
    """Register this app's viewsets on the shared router."""
    router.register("action-plans/plans", views.ActionPlanViewSet, basename="action-plan")
    router.register(
        "action-plans/activities", views.ActivityViewSet, basename="action-plan-activity"
    )
    router.register(
        "action-plans/progress", views.ActivityProgressViewSet, basename="action-plan-progress"
    )
    router.register("action-plans/spvs", views.SPVViewSet, basename="action-plan-spv")
    router.register(
        "action-plans/networks", views.EnterpriseNetworkViewSet, basename="action-plan-network"
    )
    router.register(
        "action-plans/facilities", views.CommonFacilityViewSet, basename="action-plan-facility"
    )
