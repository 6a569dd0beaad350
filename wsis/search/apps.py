from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "wsis.search"
    label = "search"
    verbose_name = "Site search"
