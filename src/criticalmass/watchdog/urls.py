from django.urls import path

from criticalmass.watchdog import views

app_name = "watchdog"
urlpatterns = [
    path("", views.plans, name="plans"),
    path("plans.csv", views.plans_csv, name="plans_csv"),
    path("plans/template.csv", views.template_csv, name="template_csv"),
    path("plans/template.xlsx", views.template_xlsx, name="template_xlsx"),
    path("plans/<slug:slug>/", views.plan, name="plan"),
    path("scorecards/", views.scorecards, name="scorecards"),
    path("scorecards/scorecards.csv", views.scorecards_csv, name="scorecards_csv"),
    path("obligations/", views.obligations, name="obligations"),
    path("obligations/obligations.csv", views.obligations_csv, name="obligations_csv"),
    path("countries/<str:iso3>/", views.country, name="country"),
    path("countries/<str:iso3>/<slug:name>.csv", views.country_csv, name="country_csv"),
    path("actions/<int:pk>/", views.action, name="action"),
    path("actions/<int:pk>/edit/", views.action_edit, name="action_edit"),
    path("actions/<int:pk>/updates/new/", views.update_new, name="update_new"),
    path("updates/<int:pk>/accept/", views.update_accept, name="update_accept"),
]
