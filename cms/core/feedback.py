"""How a form's action tells the person how it went (Django's messages framework)."""

from django.contrib import messages
from django.core.exceptions import ValidationError


def attempt(request, action, done):
    """Run ``action()``: a ``ValidationError`` becomes an error message (its messages
    joined), success the message ``done``. True when the action went through."""
    try:
        action()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return False
    messages.success(request, done)
    return True
