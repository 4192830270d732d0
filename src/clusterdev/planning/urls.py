from django.urls import path

from clusterdev.planning import views

app_name = "planning"
urlpatterns = [
    path("", views.planner, name="planner"),
    path("export/<str:fmt>/", views.export, name="export"),
    path("save/", views.save, name="save"),
    path("compare/", views.compare, name="compare"),
    path("grants/", views.grants, name="grants"),
    path("s/<slug:slug>/", views.scenario_detail, name="scenario"),
    path("s/<slug:slug>/export/<str:fmt>/", views.scenario_export, name="scenario_export"),
    path("s/<slug:slug>/delete/", views.delete, name="delete"),
]
