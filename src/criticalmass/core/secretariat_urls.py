from django.urls import path

from criticalmass.core import secretariat

app_name = "secretariat"
urlpatterns = [
    path("", secretariat.requests, name="requests"),
    path("requests/<int:pk>/approve/", secretariat.approve, name="approve"),
    path("requests/<int:pk>/decline/", secretariat.decline, name="decline"),
    path("members/", secretariat.members, name="members"),
    path("members/<int:pk>/", secretariat.member, name="member"),
    path("members/<int:pk>/memberships/", secretariat.membership_add, name="membership_add"),
    path("memberships/<int:pk>/remove/", secretariat.membership_remove, name="membership_remove"),
    path("members/<int:pk>/access/", secretariat.reset_access, name="reset_access"),
    path("organisations/", secretariat.organisations, name="organisations"),
    path("organisations/<int:pk>/", secretariat.organisations, name="organisation"),
    path("audit/", secretariat.audit_trail, name="audit"),
    path("outbox/", secretariat.outbox_list, name="outbox"),
    path("outbox/<int:pk>/retry/", secretariat.outbox_retry, name="outbox_retry"),
]
