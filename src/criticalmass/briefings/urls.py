from django.urls import path

from criticalmass.briefings import views

app_name = "briefings"
urlpatterns = [
    path("", views.builder_page, name="builder"),
    path("briefing/", views.briefing, name="briefing"),
    path("briefing.pdf", views.briefing_pdf, name="briefing_pdf"),
]
