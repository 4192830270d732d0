from django.urls import path

from clusterdev.mapping import views

app_name = "mapping"
urlpatterns = [
    path("", views.run_list, name="runs"),
    path("runs/<int:pk>/", views.run_detail, name="run"),
    path("runs/<int:pk>/decide/", views.run_decide, name="decide"),
]
