"""Sign-in throttling answer and the password-reset pages (Django's views in the site's layout)."""

import math

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.translation import ngettext

from wsis.accounts.signin import PasswordReset


def signin_locked_out(request, original_response=None, credentials=None):
    """What a person sees once the user name and address pair is locked: the sign-in page, refused."""
    from axes.helpers import get_cool_off

    cool_off = get_cool_off(request)
    minutes = max(1, math.ceil(cool_off.total_seconds() / 60)) if cool_off else 0
    message = ngettext(
        "Too many failed sign-in attempts with this user name from your network address. "
        "Try again in %(minutes)d minute, or reset your password.",
        "Too many failed sign-in attempts with this user name from your network address. "
        "Try again in %(minutes)d minutes, or reset your password.",
        minutes,
    ) % {"minutes": minutes}
    form = AuthenticationForm(request, data=request.POST or None)
    return render(request, "wsis/login.html", {
        "form": form, "locked_out": message, "next": request.POST.get("next", request.GET.get("next", "")),
    }, status=settings.AXES_HTTP_RESPONSE_CODE)


class PasswordResetStart(auth_views.PasswordResetView):
    """Asks for an address and always answers the same, whether or not an account has it."""

    template_name = "wsis/password_reset_form.html"
    email_template_name = "wsis/email/password_reset.txt"
    subject_template_name = "wsis/email/password_reset_subject.txt"
    form_class = PasswordReset
    success_url = reverse_lazy("web:password_reset_done")


class PasswordResetSent(auth_views.PasswordResetDoneView):
    template_name = "wsis/password_reset_done.html"


class PasswordResetSet(auth_views.PasswordResetConfirmView):
    template_name = "wsis/password_reset_confirm.html"
    success_url = reverse_lazy("web:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        # A new password ends a lockout caused by someone guessing the old one.
        from axes.utils import reset

        from wsis.accounts.signin import username_key

        reset(username=username_key(self.request, {"username": form.user.get_username()}))
        return response


class PasswordResetDone(auth_views.PasswordResetCompleteView):
    template_name = "wsis/password_reset_complete.html"
