from django.urls import path

from wsis.web import account_views as acv
from wsis.web import activity_views as av
from wsis.web import cooperation_views, funding_views, home_views, report_views, search_views, views
from wsis.web import economy_views as ev
from wsis.web import plan_views as plv
from wsis.web import prize_views as pv
from wsis.web import stats_views as sv

app_name = "web"
urlpatterns = [
    path("", home_views.home, name="home"),
    path("my/", home_views.my_work, name="my_work"),
    path("search/", search_views.search, name="search"),
    path("action-lines/", views.action_lines, name="action_lines"),
    path("sdgs/", views.sdgs, name="sdgs"),
    path("sdgs/<int:number>/", views.sdg_goal, name="sdg_goal"),
    path("economies/", views.economies, name="economies"),
    path("economies/compare/", ev.compare, name="economy_compare"),
    path("economies/<str:iso3>/", ev.economy, name="economy"),
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
    path("statistics/", sv.index, name="stats"),
    path("statistics/targets/", sv.targets, name="stats_targets"),
    path("statistics/releases/", sv.releases, name="stats_releases"),
    path("statistics/import/", sv.import_page, name="stats_import"),
    path("statistics/index/<str:code>/", sv.index_page, name="stats_index"),
    path("statistics/economies/<str:iso3>/", ev.stats_economy_moved, name="stats_economy"),
    path("statistics/<str:code>/", sv.explorer, name="stats_indicator"),
    path("statistics/<str:code>/divide/", sv.divide, name="stats_divide"),
    path("statistics/<str:code>/about/", ev.indicator_about, name="stats_about"),
    path("plan/", plv.plan_index, name="plan_index"),
    path("plan/review/", plv.review, name="plan_review"),
    path("plan/import/", plv.plan_import, name="plan_import"),
    path("plan/template.xlsx", plv.plan_template, name="plan_template"),
    path("plan/reminders/", plv.my_reminders, name="plan_reminders"),
    path("plan/outputs/<int:pk>/", plv.output_detail, name="plan_output"),
    path("plan/outputs/<int:pk>/update/", plv.output_update, name="plan_output_update"),
    path("plan/updates/<int:pk>/decide/", plv.update_decide, name="plan_update_decide"),
    path("plan/milestones/<int:pk>/", plv.milestone_edit, name="plan_milestone"),
    path("plan/<slug:code>/", plv.plan_tree, name="plan"),
    path("plan/<slug:code>/state/", plv.plan_state, name="plan_state"),
    path("plan/<slug:code>/timeline/", plv.plan_timeline, name="plan_timeline"),
    path("plan/<slug:code>/overdue/", plv.plan_overdue, name="plan_overdue"),
    path("plan/<slug:code>/offices/", plv.plan_offices, name="plan_offices"),
    path("plan/<slug:code>/periods/<str:period>/lock/", plv.period_lock, name="plan_period_lock"),
    path("accounts/login/", views.SignIn.as_view(), name="login"),
    path("accounts/logout/", views.sign_out, name="logout"),
    path("accounts/password-reset/", acv.PasswordResetStart.as_view(), name="password_reset"),
    path("accounts/password-reset/sent/", acv.PasswordResetSent.as_view(), name="password_reset_done"),
    path("accounts/reset/<uidb64>/<token>/", acv.PasswordResetSet.as_view(), name="password_reset_confirm"),
    path("accounts/reset/done/", acv.PasswordResetDone.as_view(), name="password_reset_complete"),
]
# Partnerships: money (dashboard, agreements, flows, rates, organisations) and cooperation (events, requests, contributions).
urlpatterns += funding_views.urlpatterns + cooperation_views.urlpatterns
urlpatterns += report_views.urlpatterns
