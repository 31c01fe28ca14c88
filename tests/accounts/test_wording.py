"""One spelling everywhere: "Sign in", sentence case, in the product's own pages and in the
library pages it shows (allauth's wording comes through locale/en)."""

import re

from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from django.contrib.staticfiles import finders
from django.urls import reverse

from tests.factories import UserFactory

TITLE_CASE = re.compile(r"Sign (In|Up|Out)\b")


def test_the_sign_in_and_sign_up_pages_say_it_in_sentence_case(client, db):
    for name, words in (("account_login", "Sign in"), ("account_signup", "Sign up")):
        page = client.get(reverse(name)).content.decode()
        assert TITLE_CASE.findall(page) == [], name
        assert re.search(rf"<h1[^>]*>\s*{words}\s*</h1>", page), name
    assert "Remember me" in client.get(reverse("account_login")).content.decode()


def test_the_sign_out_page_and_sessions_page_too(client, db):
    user = UserFactory()
    client.force_login(user)
    for name in ("account_logout", "usersessions_list"):
        page = client.get(reverse(name)).content.decode()
        assert TITLE_CASE.findall(page) == [], name
        assert "Sign out" in page


def test_confirming_an_email_address_asks_in_plain_words(client, db):
    user = UserFactory(email="newbie@example.org")
    address = EmailAddress.objects.get(user=user, email=user.email)
    address.verified = False
    address.save()
    key = EmailConfirmationHMAC(address).key
    page = client.get(reverse("account_confirm_email", args=[key])).content.decode()
    assert "is an email address for user" not in page
    assert "your email address?" in page
    assert "Confirm your email address" in page


def test_every_page_names_its_icon(client, db):
    page = client.get(reverse("account_login")).content.decode()
    assert re.search(r'<link rel="icon" href="[^"]*favicon\.svg" type="image/svg\+xml">', page)
    assert finders.find("img/favicon.svg")
