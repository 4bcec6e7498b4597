from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from criticalmass.api import api
from criticalmass.core import metrics, operations, organisations

urlpatterns = [
    path("i18n/setlanguage", set_language, name="set_language"),
    path("healthz", operations.healthz, name="healthz"),
    path("readyz", operations.readyz, name="readyz"),
    path("metrics", metrics.metrics, name="metrics"),
    path("", include("criticalmass.parity.urls")),
    path("agreements/", include("criticalmass.agreements.urls")),
    path("", include("criticalmass.charter.urls")),
    path("", include("criticalmass.events.urls")),
    path("watchdog/", include("criticalmass.watchdog.urls")),
    path("hub/", include("criticalmass.hub.urls")),
    path("protection/", include("criticalmass.protection.urls")),
    path("briefings/", include("criticalmass.briefings.urls")),
    path("doors/", include("criticalmass.doors.urls")),
    path("grants/", include("criticalmass.grants.urls")),
    path("awards/", include("criticalmass.awards.urls")),
    path("accounts/", include("criticalmass.core.urls")),
    path("secretariat/", include("criticalmass.core.secretariat_urls")),
    path("trainings/", include("criticalmass.trainings.urls")),
    path("organisations/<int:pk>/", organisations.organisation, name="organisation"),
    path("gender-review/", include("criticalmass.reviews.urls")),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
]

handler400 = "criticalmass.core.views.bad_request"
handler403 = "criticalmass.core.views.permission_denied"
handler404 = "criticalmass.core.views.page_not_found"
handler500 = "criticalmass.core.views.server_error"
