from django.urls import path

from clusterdev.registry import views

app_name = "registry"
urlpatterns = [
    path("clusters/", views.cluster_list, name="cluster_list"),
    path("clusters/<slug:slug>/", views.cluster_detail, name="cluster"),
    path("sources/", views.source_list, name="source_list"),
    path("sources/<slug:key>/", views.source_detail, name="source"),
    path("figures/", views.figures, name="figures"),
]
