from django.urls import path

from criticalmass.agreements import views

app_name = "agreements"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("data/<slug:name>.csv", views.overview_csv, name="overview_csv"),
    path("women-at-the-table/", views.at_the_table, name="at_the_table"),
    path("women-at-the-table/<slug:name>.csv", views.at_the_table_csv, name="at_the_table_csv"),
    path("processes/<slug:slug>/", views.process, name="process"),
    path("processes/<slug:slug>/<slug:name>.csv", views.process_csv, name="process_csv"),
    path("<int:pax_id>/", views.agreement, name="agreement"),
    path("<int:pax_id>/score/", views.agreement_score, name="agreement_score"),
    path("<int:pax_id>/<slug:name>.csv", views.agreement_csv, name="agreement_csv"),
]
urlpatterns += [
    path("missions/<slug:slug>/mandates/", views.mandates, name="mandates"),
    path("missions/<slug:slug>/<slug:name>.csv", views.mandates_csv, name="mandates_csv"),
    path("renewals/", views.renewals, name="renewals"),
    path("renewals/<slug:name>.csv", views.renewals_csv, name="renewals_csv"),
    path("scorecards/", views.scorecard, name="scorecard"),
]
