from django.urls import path

from clusterdev.actionplans import views

app_name = "actionplans"
urlpatterns = [
    path("", views.index, name="index"),
    path("download/<slug:kind>.<slug:fmt>", views.download, name="download"),
    path("initiatives/<int:pk>/", views.plan_page, name="plan"),
    path("initiatives/<int:pk>/new-version/", views.new_version, name="new_version"),
    path("initiatives/<int:pk>/compare/", views.compare, name="compare"),
    path("initiatives/<int:pk>/implementation/", views.implementation, name="implementation"),
    path("initiatives/<int:pk>/progress/new/", views.progress_new, name="progress_new"),
    path("initiatives/<int:pk>/<slug:kind>/new/", views.record_new, name="record_new"),
    path("plans/<int:pk>/note/", views.plan_note, name="note"),
    path("plans/<int:pk>/submit/", views.plan_submit, name="submit"),
    path("plans/<int:pk>/review/", views.plan_review, name="review"),
    path("plans/<int:pk>/activities/new/", views.activity_new, name="activity_new"),
    path("activities/<int:pk>/edit/", views.activity_edit, name="activity_edit"),
    path("activities/<int:pk>/delete/", views.activity_delete, name="activity_delete"),
    path("progress/<int:pk>/edit/", views.progress_edit, name="progress_edit"),
    path("progress/<int:pk>/delete/", views.progress_delete, name="progress_delete"),
    path("<slug:kind>/<int:pk>/edit/", views.record_edit, name="record_edit"),
    path("<slug:kind>/<int:pk>/delete/", views.record_delete, name="record_delete"),
]
