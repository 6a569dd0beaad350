"""Sign-in throttling, password reset by e-mail and a voter sign-up that tells nobody which accounts exist."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.core.management import call_command

from wsis.accounts.models import User

pytestmark = pytest.mark.django_db
LOGIN = "/en/accounts/login/"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


@pytest.fixture
def throttle(settings):
    """The throttle on, as in production (the test settings switch it off for client.login)."""
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 5
    settings.AXES_COOLOFF_TIME = dt.timedelta(minutes=15)


@pytest.fixture
def member(reference):
    user = User.objects.create_user("amina", "amina@example.org", "right-horse-battery-9", preferred_language="fr")
    return user


def sign_in(client, password, username="amina", address="203.0.113.5", path=LOGIN):
    return client.post(path, {"username": username, "password": password}, REMOTE_ADDR=address)


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_wrong_passwords_lock_the_name_and_address_pair(client, throttle, member):
    for _ in range(4):
        r = sign_in(client, "wrong")
        assert r.status_code == 200 and not signed_in(client)
    assert sign_in(client, "wrong").status_code == 429  # the fifth failure locks
    # Locked: the right password is refused too, with a message saying why and for how long.
    r = sign_in(client, "right-horse-battery-9")
    page = r.content.decode()
    assert r.status_code == 429 and not signed_in(client)
    assert "Too many failed sign-in attempts" in page and "15 minutes" in page and 'role="alert"' in page
    # The name is compared without case or spaces, so "Amina " is the same locked name.
    assert sign_in(client, "right-horse-battery-9", username="Amina ").status_code == 429
    # The owner, from another address, is not locked out by someone else's guesses.
    other = client.__class__()
    assert sign_in(other, "right-horse-battery-9", address="198.51.100.7").status_code == 302
    assert signed_in(other)


def test_the_lock_ends_after_the_cool_off_and_success_clears_the_count(client, throttle, member):
    from axes.models import AccessAttempt

    for _ in range(5):
        sign_in(client, "wrong")
    assert sign_in(client, "right-horse-battery-9").status_code == 429
    AccessAttempt.objects.update(attempt_time=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=16))
    assert sign_in(client, "right-horse-battery-9").status_code == 302 and signed_in(client)
    assert not AccessAttempt.objects.exists()
    client.post("/en/accounts/logout/")
    for _ in range(4):  # a fresh count: four failures do not lock
        sign_in(client, "wrong")
    assert sign_in(client, "right-horse-battery-9").status_code == 302


def test_the_admin_sign_in_is_throttled_too(client, throttle, member):
    for _ in range(5):
        sign_in(client, "wrong", path="/en/admin/login/")
    assert sign_in(client, "right-horse-battery-9", path="/en/admin/login/").status_code == 429


def test_administrators_unlock_with_the_command(client, throttle, member):
    for _ in range(5):
        sign_in(client, "wrong")
    assert sign_in(client, "right-horse-battery-9").status_code == 429
    call_command("axes_reset_username", "amina")
    assert sign_in(client, "right-horse-battery-9").status_code == 302


def test_without_the_throttle_many_failures_do_not_lock(client, member):
    # The test settings (AXES_ENABLED off) keep client.login() working; the form still signs in.
    for _ in range(8):
        sign_in(client, "wrong")
    assert sign_in(client, "right-horse-battery-9").status_code == 302
    assert client.login(username="amina", password="right-horse-battery-9")


def reset_link(message) -> str:
    return re.search(r"https?://testserver(/\S+)", message.body).group(1)


def test_password_reset_by_mail_in_the_account_language(client, throttle, member):
    page = client.get(LOGIN).content.decode()
    assert 'href="/en/accounts/password-reset/"' in page
    r = client.post("/en/accounts/password-reset/", {"email": "AMINA@example.org"})
    assert r.status_code == 302 and r["Location"] == "/en/accounts/password-reset/sent/"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["amina@example.org"]
    link = reset_link(mail.outbox[0])
    assert link.startswith("/fr/accounts/reset/")  # her language, not the page's
    # A lock from guessed passwords ends with the new password.
    for _ in range(5):
        sign_in(client, "wrong")
    r = client.get(link, follow=True)
    assert r.status_code == 200 and 'name="new_password1"' in r.content.decode()
    form_url = r.redirect_chain[-1][0]
    r = client.post(form_url, {"new_password1": "new-quiet-river-42", "new_password2": "new-quiet-river-42"})
    assert r.status_code == 302 and r["Location"] == "/fr/accounts/reset/done/"
    assert sign_in(client, "new-quiet-river-42").status_code == 302
    # The link works once.
    again = client.get(link, follow=True).content.decode()
    assert "invalid or has expired" in again or "invalide" in again


def test_password_reset_answers_the_same_for_an_unknown_address(client, member):
    known = client.post("/en/accounts/password-reset/", {"email": "amina@example.org"}, follow=True)
    unknown = client.post("/en/accounts/password-reset/", {"email": "nobody@example.org"}, follow=True)
    assert len(mail.outbox) == 1
    assert known.redirect_chain == unknown.redirect_chain
    assert CSRF.sub("", known.content.decode()) == CSRF.sub("", unknown.content.decode())


def register(client, username, email, password="a-long-pass-321"):
    r = client.post("/en/prizes/register/", {"username": username, "email": email, "password": password})
    assert r.status_code == 200
    return CSRF.sub("", r.content.decode()).replace(email, "ADDRESS")


def test_voter_sign_up_does_not_reveal_names_or_addresses(client, member):
    new = register(client, "newvoter", "new@example.org")
    known_address = register(client, "someone", "Amina@example.org")
    taken_name = register(client, "AMINA", "fresh@example.org")
    assert new == known_address == taken_name
    assert set(User.objects.values_list("username", flat=True)) == {"amina", "newvoter"}
    confirm, exists, taken = mail.outbox
    assert confirm.to == ["new@example.org"] and "/en/prizes/confirm/" in confirm.body
    # The owner of the known address hears, in her language, that she has an account and how to get in.
    assert exists.to == ["Amina@example.org"] and "amina" in exists.body
    assert "/fr/accounts/password-reset/" in exists.body and "/prizes/confirm/" not in exists.body
    assert taken.to == ["fresh@example.org"] and "AMINA" in taken.body and "/en/prizes/register/" in taken.body
    # Mistakes in what was typed are still shown, since they say nothing about other accounts.
    weak = client.post("/en/prizes/register/", {"username": "x", "email": "not-an-address", "password": "1"})
    assert "valid e-mail address" in weak.content.decode() and len(mail.outbox) == 3


def test_the_lockout_and_the_reset_mail_speak_the_reader_language(client, throttle, member):
    for _ in range(5):
        sign_in(client, "wrong", path="/ru/accounts/login/")
    page = sign_in(client, "wrong", path="/ru/accounts/login/").content.decode()
    assert "Повторите попытку через 15 минут" in page
    client.post("/en/accounts/password-reset/", {"email": "amina@example.org"})
    assert mail.outbox[0].subject == "Réinitialiser votre mot de passe du Suivi SMSI·ODD"
    assert "Ouvrez ce lien pour choisir un nouveau mot de passe" in mail.outbox[0].body
