"""Mail settings from the environment: SMTP when a host is set, inconsistent settings refused at start,
and one message sent through a real SMTP server on 127.0.0.1."""

from __future__ import annotations

import socket

import pytest
from django.core.mail import get_connection, send_mail

from tests.core.test_settings import refusal, start, started

MAIL = ("EMAIL_BACKEND", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_USE_TLS", "EMAIL_USE_SSL", "DEFAULT_FROM_EMAIL")


def test_it_sends_by_smtp_when_a_host_is_set():
    found = started(start(*MAIL, CRITICALMASS_EMAIL_HOST="smtp.example.org",
                          CRITICALMASS_EMAIL_USE_TLS="true", CRITICALMASS_FROM_EMAIL="wps@example.org"))
    assert found == {"EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                     "EMAIL_HOST": "smtp.example.org", "EMAIL_PORT": 587, "EMAIL_USE_TLS": True,
                     "EMAIL_USE_SSL": False, "DEFAULT_FROM_EMAIL": "wps@example.org"}


def test_it_prints_mail_to_the_console_without_a_host():
    assert started(start("EMAIL_BACKEND"))["EMAIL_BACKEND"].endswith("console.EmailBackend")


@pytest.mark.parametrize(("env", "message"), [
    ({"CRITICALMASS_EMAIL_USE_TLS": "true", "CRITICALMASS_EMAIL_USE_SSL": "true"}, "are both true"),
    ({"CRITICALMASS_EMAIL_HOST": "smtp.example.org", "CRITICALMASS_EMAIL_USER": "wps"}, "go together"),
    ({"CRITICALMASS_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend"},
     "CRITICALMASS_EMAIL_HOST is not set"),
    ({"CRITICALMASS_EMAIL_PORT": "99999"}, "must be a port number"),
    ({"CRITICALMASS_EMAIL_PORT": "smtp"}, "must be an integer"),
    ({"CRITICALMASS_FROM_EMAIL": "secretariat"}, "must be an e-mail address"),
    ({"CRITICALMASS_EMAIL_USE_TLS": "maybe"}, "must be true or false"),
])
def test_it_refuses_mail_settings_that_cannot_work(env, message):
    assert message in refusal(start("EMAIL_HOST", **env))


def test_it_never_shows_the_password_in_a_refusal():
    result = start("EMAIL_HOST", CRITICALMASS_EMAIL_PASSWORD="hunter2-secret")
    assert "go together" in refusal(result) and "hunter2-secret" not in result.stderr


@pytest.fixture
def smtp_server():
    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Message

    class Inbox(Message):
        def __init__(self) -> None:
            super().__init__()
            self.messages: list = []

        def handle_message(self, message) -> None:  # noqa: ANN001
            self.messages.append(message)

    with socket.socket() as probe:  # a free port: aiosmtpd checks its server is up by connecting to it
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield controller, inbox
    controller.stop()


def test_it_delivers_through_a_real_smtp_server(smtp_server):
    controller, inbox = smtp_server
    connection = get_connection("django.core.mail.backends.smtp.EmailBackend", host="127.0.0.1",
                                port=controller.port, use_tls=False, use_ssl=False, timeout=10)
    sent = send_mail("Critical Mass: a reminder", "Report on your commitment: http://testserver/my/",
                     "wps@example.org", ["partner@example.org"], connection=connection)
    assert sent == 1
    assert len(inbox.messages) == 1
    message = inbox.messages[0]
    assert (message["Subject"], message["To"]) == ("Critical Mass: a reminder", "partner@example.org")
    assert "http://testserver/my/" in message.get_payload()
