from django.urls import path

from clusterdev.institutions import views

app_name = "institutions"
urlpatterns = [
    path("", views.institution_list, name="institution_list"),
    path("analysis/", views.analysis, name="analysis"),
    path("status/", views.status, name="status"),
    path("timeline/", views.timeline, name="timeline"),
    path("<slug:slug>/", views.institution_detail, name="institution"),
]
