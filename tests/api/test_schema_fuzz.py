"""Schemathesis sends generated requests, good and bad, to every operation of the schema.

No answer may be a server error, and every answer must match the schema: its status, its
content type and its body. The examples per operation are bounded to keep CI quick.
"""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis import checks

from config.wsgi import application

pytestmark = pytest.mark.django_db

EXAMPLES_PER_OPERATION = 12
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
]

schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)


@pytest.fixture(autouse=True)
def _connection_kept_between_requests():
    """As Django's test client does: the test's transaction outlives each request it makes."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_no_request_breaks_the_api_or_its_schema(case, estate, write_token):
    # As a partner system that may read and write, so that writes reach their validation.
    case.call_and_validate(
        headers={"Authorization": f"Bearer {write_token}"}, checks=CHECKS, excluded_checks=[]
    )
