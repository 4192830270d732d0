from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from clusterdev.core import views as core

urlpatterns = [
    path("", core.home, name="home"),
    path("about/data/", core.about_data, name="about_data"),
    path("map/india.svg", core.basemap_svg, name="basemap"),
    path("", include("clusterdev.registry.urls")),
    path("geography/", include("clusterdev.geography.urls")),
    path("institutions/", include("clusterdev.institutions.urls")),
    path("mapping/", include("clusterdev.mapping.urls")),
    path("planning/", include("clusterdev.planning.urls")),
    path("initiatives/", include("clusterdev.initiatives.urls")),
    path("diagnostics/", include("clusterdev.diagnostics.urls")),
    path("action-plans/", include("clusterdev.actionplans.urls")),
    path("monitoring/", include("clusterdev.monitoring.urls")),
    path("api/", include("clusterdev.api_urls")),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

admin.site.site_header = "ClusterDev curation"
admin.site.site_title = "ClusterDev"
