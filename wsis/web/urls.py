from django.urls import path

from wsis.web import activity_views as av
from wsis.web import prize_views as pv
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
    path("activities/", av.activity_list, name="activities"),
    path("activities/new/", av.activity_edit, name="activity_new"),
    path("activities/review/", av.review_queue, name="review_queue"),
    path("activities/mine/", av.my_activities, name="my_activities"),
    path("activities/import/", av.activity_import, name="activity_import"),
    path("activities/<int:pk>/", av.activity_detail, name="activity"),
    path("activities/<int:pk>/edit/", av.activity_edit, name="activity_edit"),
    path("activities/<int:pk>/submit/", av.activity_submit, name="activity_submit"),
    path("activities/<int:pk>/action/", av.activity_action, name="activity_action"),
    path("prizes/", pv.contests, name="prizes"),
    path("prizes/register/", pv.register, name="register"),
    path("prizes/confirm/<str:token>/", pv.confirm_email, name="confirm_email"),
    path("prizes/<int:year>/", pv.contest, name="prize_contest"),
    path("prizes/<int:year>/enter/", pv.enter, name="prize_enter"),
    path("prizes/<int:year>/experts/", pv.experts, name="prize_experts"),
    path("prizes/<int:year>/finalists/", pv.finalists, name="prize_finalists"),
    path("prizes/<int:year>/vote/", pv.vote, name="prize_vote"),
    path("prizes/<int:year>/results/", pv.results, name="prize_results"),
    path("accounts/login/", views.SignIn.as_view(), name="login"),
    path("accounts/logout/", views.sign_out, name="logout"),
]
