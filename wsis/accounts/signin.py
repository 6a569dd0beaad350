"""Sign-in helpers: the throttle's user-name key, and mail written in the reader's own language."""

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.core.mail import send_mail
from django.utils import translation

from wsis.core.i18n import current_language


def username_key(request, credentials) -> str:
    """The user name as the throttle counts it: "Root " and "root" are one name."""
    return str((credentials or {}).get("username") or "").strip().lower()


def user_language(user) -> str:
    """The language a person chose for their account, else the page's."""
    chosen = (getattr(user, "preferred_language", "") or "").strip().lower()
    return chosen if chosen in settings.LANGUAGE_CODES else current_language()


def mail_in_language(language: str, subject, body, to: str) -> None:
    """Send one message with its lazy texts rendered in `language`."""
    with translation.override(language):
        send_mail(str(subject), str(body), settings.DEFAULT_FROM_EMAIL, [to])


class PasswordReset(PasswordResetForm):
    """Django's reset form (the same answer whether or not the address is known), writing each
    message in the language of the account it is sent to."""

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email,
                  html_email_template_name=None):
        with translation.override(user_language(context["user"])):
            super().send_mail(subject_template_name, email_template_name, context, from_email, to_email,
                              html_email_template_name)
