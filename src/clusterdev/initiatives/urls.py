from django.urls import path

from clusterdev.initiatives import views

app_name = "initiatives"
urlpatterns = [
    path("", views.initiative_list, name="list"),
    path("new/", views.initiative_create, name="create"),
    path("portfolio/", views.portfolio_page, name="portfolio"),
    path("portfolio/report.pdf", views.portfolio_report, name="portfolio_report"),
    path("<int:pk>/", views.initiative_detail, name="detail"),
    path("<int:pk>/edit/", views.initiative_edit, name="edit"),
    path("<int:pk>/advance/", views.advance, name="advance"),
    path("<int:pk>/report.pdf", views.report_pdf, name="report"),
    path("<int:pk>/steps/<int:step>/", views.step_record, name="step"),
    path("<int:pk>/selection/", views.selection, name="selection"),
    path("<int:pk>/events/", views.events, name="events"),
    path("records/<int:pk>/review/", views.review, name="review"),
    path("scores/<int:pk>/delete/", views.delete_row, {"what": "score"}, name="score_delete"),
    path("events/<int:pk>/", views.event_edit, name="event_edit"),
    path("events/<int:pk>/delete/", views.delete_row, {"what": "event"}, name="event_delete"),
]
