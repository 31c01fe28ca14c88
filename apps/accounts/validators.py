from django.core.exceptions import ValidationError


class MaximumLengthValidator:
    """Long passphrases are welcome; only absurd lengths are refused, since hashing them costs."""

    def __init__(self, max_length: int = 1024) -> None:
        self.max_length = max_length

    def validate(self, password: str, user=None) -> None:
        if len(password) > self.max_length:
            raise ValidationError(
                "This password is longer than %(max_length)d characters.",
                code="password_too_long",
                params={"max_length": self.max_length},
            )

    def get_help_text(self) -> str:
        return f"Passphrases of any length up to {self.max_length} characters are welcome."
