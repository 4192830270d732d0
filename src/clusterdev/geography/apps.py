from django.apps import AppConfig


class GeographyConfig(AppConfig):
    name = "clusterdev.geography"
    label = "geography"
    verbose_name = "Geography"
