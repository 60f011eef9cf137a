"""Fixtures of the fault tests: private servers for the session, the app's processes per test."""

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
import redis

from tests.faults.cluster import App, PrivatePostgres, PrivateRedis, postgres_binaries
from tests.faults.observe import Database


@dataclass
class Servers:
    postgres: PrivatePostgres
    redis: PrivateRedis


@pytest.fixture(scope="session")
def servers(tmp_path_factory) -> Servers:
    """A PostgreSQL and a Redis of the fault tests' own, the app's tables made once."""
    binaries = postgres_binaries()
    if binaries is None:
        pytest.skip("needs PostgreSQL's server programs (initdb, pg_ctl) to run a private one")
    if shutil.which("redis-server") is None:
        pytest.skip("needs redis-server to run a private Redis")
    # Not under pytest's own temporary folder: as root, PostgreSQL runs as postgres, who must
    # reach its folder, and pytest's is private to root.
    postgres_folder = Path(tempfile.mkdtemp(prefix="faults-postgres-"))
    postgres = private_redis = None
    try:
        postgres = PrivatePostgres(binaries, postgres_folder)
        private_redis = PrivateRedis(tmp_path_factory.mktemp("faults-redis"))
        App(postgres, private_redis, tmp_path_factory.mktemp("faults-schema")).driver("schema")
        yield Servers(postgres, private_redis)
    finally:
        if private_redis is not None:
            private_redis.stop()
        if postgres is not None:
            postgres.stop()
        shutil.rmtree(postgres_folder, ignore_errors=True)


@pytest.fixture
def app(servers, tmp_path, request):
    """The app's processes, started by the test, against the private servers; an empty queue."""
    redis.Redis.from_url(servers.redis.url).flushall()
    started = App(servers.postgres, servers.redis, tmp_path)
    yield started
    started.stop()
    report = getattr(request.node, "call_report", None)
    if report is not None and report.failed:
        print(started.logs())  # noqa: T201 (shown under the failed test's teardown output)


@pytest.fixture
def database(servers) -> Database:
    return Database(servers.postgres.url)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.call_report = report
    return report
