"""Headers Django's SecurityMiddleware and django-csp (the Content-Security-Policy) do not set."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class SecureHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response
