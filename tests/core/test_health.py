import pytest

from core import health

pytestmark = pytest.mark.django_db


def test_healthz_reports_each_service_ok(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "broker": "ok", "storage": "ok"},
    }


def test_healthz_answers_503_naming_the_failing_service(client, monkeypatch, caplog):
    def broker_down() -> None:
        raise ConnectionRefusedError("Connection refused")

    monkeypatch.setitem(health.CHECKS, "broker", broker_down)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["status"] == "failing"
    assert response.json()["checks"] == {"database": "ok", "broker": "failing", "storage": "ok"}
    # The reason is for the operator's log, not for anyone who asks.
    assert "Connection refused" not in response.content.decode()
    assert "broker check failing: ConnectionRefusedError: Connection refused" in caplog.text


def test_storage_check_leaves_no_file_behind(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path

    health.check_storage()

    assert list((tmp_path / "healthz").iterdir()) == []
