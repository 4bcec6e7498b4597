"""The site's URLs plus small views that exercise core.permissions and the error pages."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from criticalmass.core.permissions import role_required
from criticalmass.urls import handler400, handler403, handler404, handler500  # noqa: F401
from criticalmass.urls import urlpatterns as site_urlpatterns


@role_required("secretariat")
def secretariat_only(request: HttpRequest) -> HttpResponse:
    return HttpResponse("secretariat page")


@role_required("partner", "advocate")
def partners_and_advocates(request: HttpRequest) -> HttpResponse:
    return HttpResponse("partners and advocates page")


def broken(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a secret detail that must not reach the page")


urlpatterns = [
    path("test/secretariat-only/", secretariat_only),
    path("test/partners-and-advocates/", partners_and_advocates),
    path("test/broken/", broken),
    *site_urlpatterns,
]
