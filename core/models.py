"""Abstract base models shared by the domain apps."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import models
from simple_history.models import HistoricalRecords


def history_user(request=None, **kwargs) -> AbstractBaseUser | None:
    """The signed-in user behind a change; an API call by a partner system has none."""
    user = getattr(request, "user", None)
    return user if isinstance(user, AbstractBaseUser) and user.is_authenticated else None


class TimeStampedModel(models.Model):
    """A record that knows when it was created and last changed."""

    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class AuditedModel(TimeStampedModel):
    """A record whose every version is kept, with who changed it and when."""

    history = HistoricalRecords(inherit=True, get_user=history_user)

    class Meta:
        abstract = True
