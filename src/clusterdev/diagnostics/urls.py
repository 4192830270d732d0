from django.urls import path

from clusterdev.diagnostics import views

app_name = "diagnostics"
urlpatterns = [
    path("initiatives/<int:pk>/", views.study, name="study"),
    path("initiatives/<int:pk>/actors/", views.actors, name="actors"),
    path("initiatives/<int:pk>/download/<str:what>.<str:fmt>", views.download, name="download"),
    path("documents/<int:pk>/file/", views.document_file, name="document"),
    path("<str:what>/<int:pk>/delete/", views.delete, name="delete"),
]
