from django.urls import path

from wsis.web import views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("action-lines/", views.action_lines, name="action_lines"),
    path("sdgs/", views.sdgs, name="sdgs"),
    path("sdgs/<int:number>/", views.sdg_goal, name="sdg_goal"),
    path("economies/", views.economies, name="economies"),
    path("economies/<str:iso3>/", views.economy, name="economy"),
    path("targets/", views.strategic_targets, name="strategic_targets"),
]
