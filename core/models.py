"""Abstract base models shared by the domain apps."""

from django.db import models
from simple_history.models import HistoricalRecords


class TimeStampedModel(models.Model):
    """A record that knows when it was created and last changed."""

    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class AuditedModel(TimeStampedModel):
    """A record whose every version is kept, with who changed it and when."""

    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True
