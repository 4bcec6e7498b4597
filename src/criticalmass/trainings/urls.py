from django.urls import path

from criticalmass.trainings import views

app_name = "trainings"
urlpatterns = [
    path("", views.programmes, name="programmes"),
    path("data/<slug:name>.csv", views.programmes_csv, name="programmes_csv"),
    path("new/", views.programme_form, name="programme_new"),
    path("cascade/", views.cascade, name="cascade"),
    path("cascade/<slug:name>.csv", views.cascade_csv, name="cascade_csv"),
    path("questionnaire/", views.items, name="items"),
    path("questionnaire/<int:pk>/", views.items, name="item_edit"),
    path("cycles/<int:pk>/sessions/new/", views.session_new, name="session_new"),
    path("cycles/<int:pk>/answers/", views.answers, name="answers"),
    path("cycles/<int:pk>/trainers/", views.trainer_add, name="trainer_add"),
    path("sessions/<int:pk>/attendance/", views.attendance, name="attendance"),
    path("trainers/<int:pk>/follow-up/<int:months>/", views.follow_up, name="follow_up"),
    path("followups/", views.my_follow_ups, name="my_follow_ups"),
    path("dialogues/", views.dialogues, name="dialogues"),
    path("dialogues/new/", views.dialogue_form, name="dialogue_new"),
    path("dialogues/data/<slug:name>.csv", views.dialogues_csv, name="dialogues_csv"),
    path("dialogues/<slug:slug>/", views.dialogue, name="dialogue"),
    path("dialogues/<slug:slug>/edit/", views.dialogue_form, name="dialogue_edit"),
    path("dialogues/<slug:slug>/actions/new/", views.action_new, name="action_new"),
    path("actions/<int:pk>/commitment/", views.action_commitment, name="action_commitment"),
    path("<slug:slug>/", views.programme, name="programme"),
    path("<slug:slug>/edit/", views.programme_form, name="programme_edit"),
    path("<slug:slug>/cycles/new/", views.cycle_new, name="cycle_new"),
    path("<slug:slug>/<slug:name>.csv", views.programme_csv, name="programme_csv"),
]
