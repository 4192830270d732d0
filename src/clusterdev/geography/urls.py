from django.urls import path

from clusterdev.geography import views

app_name = "geography"
urlpatterns = [
    path("", views.state_list, name="state_list"),
    path("states/<str:code>/", views.state_detail, name="state"),
    path("districts/<str:code>/", views.district_detail, name="district"),
]
