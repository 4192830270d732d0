from django.urls import path

from clusterdev.initiatives import views

app_name = "initiatives"
urlpatterns = [
    path("", views.initiative_list, name="list"),
    path("<int:pk>/", views.initiative_detail, name="detail"),
    path("<int:pk>/advance/", views.advance, name="advance"),
    path("<int:pk>/selection/", views.selection, name="selection"),
    path("records/<int:pk>/review/", views.review, name="review"),
]
