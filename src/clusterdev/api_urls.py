"""The REST API: one router for every app's endpoints."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from clusterdev.actionplans.api import routes as actionplans
from clusterdev.diagnostics.api import routes as diagnostics
from clusterdev.geography.api import views as geography
from clusterdev.initiatives.api import views as initiatives
from clusterdev.institutions.api import views as institutions
from clusterdev.monitoring.api import routes as monitoring
from clusterdev.planning.api import views as planning
from clusterdev.registry.api import views as registry

router = DefaultRouter()
router.register("clusters", registry.ClusterViewSet, basename="cluster")
router.register("estimates", registry.EstimateViewSet, basename="estimate")
router.register("sources", registry.SourceViewSet, basename="source")
router.register("national-figures", registry.NationalFigureViewSet, basename="nationalfigure")
router.register("breakdowns", registry.BreakdownViewSet, basename="breakdown")
router.register("nic-codes", registry.NicCodeViewSet, basename="niccode")
router.register("geography/states", geography.StateViewSet, basename="state")
router.register("geography/districts", geography.DistrictViewSet, basename="district")
router.register("geography/pincodes", geography.PinCodeViewSet, basename="pincode")
router.register("planning/scenarios", planning.SavedScenarioViewSet, basename="planning-scenario")
router.register("institutions", institutions.InstitutionViewSet, basename="institution")
router.register(
    "institution-status-tables",
    institutions.StatusTableViewSet,
    basename="institution-status-table",
)
router.register(
    "institution-status-rows", institutions.StatusRowViewSet, basename="institution-status-row"
)
router.register("initiatives/steps", initiatives.StepRecordViewSet, basename="initiative-step")
router.register("initiatives/reviews", initiatives.StepReviewViewSet, basename="initiative-review")
router.register("initiatives/events", initiatives.TrustEventViewSet, basename="initiative-event")
router.register(
    "initiatives/selection-scores",
    initiatives.SelectionScoreViewSet,
    basename="initiative-selection-score",
)
# Step records of the later steps; registered before "initiatives" so its detail route
# does not swallow their prefixes.
for app in (diagnostics, actionplans, monitoring):
    app.register(router)
router.register("initiatives", initiatives.InitiativeViewSet, basename="initiative")

app_name = "api"
urlpatterns = [
    path("geography/resolve/", geography.resolve, name="resolve"),
    path("planning/compute/", planning.compute_plan, name="planning-compute"),
    path("planning/grant/", planning.grant, name="planning-grant"),
    path("planning/schemes/", planning.schemes, name="planning-schemes"),
    path("institution-timeline/", institutions.timeline, name="institution-timeline"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    *diagnostics.urlpatterns,
    *actionplans.urlpatterns,
    *monitoring.urlpatterns,
    path("", include(router.urls)),
]
