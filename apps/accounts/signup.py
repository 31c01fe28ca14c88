"""Sign-up that costs the same whether or not the address already has an account.

With enumeration prevention the page already answers the same either way, but creating an
account hashes the password (the slow part, on purpose) and the known-address path did not, so
the response time told which addresses have accounts. Both paths now hash the password once
and queue one email through the same task (`AccountAdapter.send_mail`).
"""

from allauth.account.forms import SignupForm as AllauthSignupForm
from django.contrib.auth.hashers import make_password


class SignupForm(AllauthSignupForm):
    def try_save(self, request):
        if self.account_already_exists:
            make_password(self.cleaned_data.get("password1"))
        return super().try_save(request)
