from allauth.account import views as allauth_views
from django.contrib.auth import views as auth_views
from django.urls import include, path

from criticalmass.core import account, personal_data

urlpatterns = [
    # allauth's login (username and password, then the second factor when one is set up).
    path("login/", allauth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", account.account, name="account"),
    path("data/", personal_data.my_data, name="my_data"),
    path("data.json", personal_data.my_data_json, name="my_data_json"),
    path("delete/", personal_data.delete_account, name="delete_account"),
    path("preferences/", personal_data.preferences, name="preferences"),
    path("unsubscribe/<str:token>/", personal_data.unsubscribe, name="unsubscribe"),
    # Sign-up (a request to join), e-mail verification, password reset and change, e-mail, second factor.
    path("", include("allauth.urls")),
]
