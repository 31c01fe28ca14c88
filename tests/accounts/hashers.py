"""A password hasher that counts its work, for tests that compare how much two paths do."""

from django.contrib.auth.hashers import MD5PasswordHasher


class CountingHasher(MD5PasswordHasher):
    encoded: list[str] = []

    def encode(self, password, salt):
        type(self).encoded.append(salt)
        return super().encode(password, salt)
