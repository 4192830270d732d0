from django.urls import path

from clusterdev.monitoring import views

app_name = "monitoring"
urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("initiatives/<int:pk>/", views.initiative_page, name="initiative"),
    path("initiatives/<int:pk>/grid/<str:slot>/", views.grid, name="grid"),
    path("initiatives/<int:pk>/values/", views.values_export, name="values_export"),
    path("initiatives/<int:pk>/periods/", views.periods_export, name="periods_export"),
    path(
        "initiatives/<int:pk>/indicator-values/",
        views.indicator_values_export,
        name="indicator_values_export",
    ),
    path("initiatives/<int:pk>/sustainability/", views.sustainability, name="sustainability"),
    path("periods/<int:pk>/approve/", views.approve, name="approve"),
    path("periods/<int:pk>/unlock/", views.unlock, name="unlock"),
    path("periods/<int:pk>/edit/", views.period_edit, name="period_edit"),
    path("periods/<int:pk>/delete/", views.period_delete, name="period_delete"),
]
