"""What tests need to start processes of the app (a worker, a command) on the test database."""

from django.db import connection


def database_url() -> str:
    """The test database as a URL, for processes started by the tests."""
    db = connection.settings_dict
    return (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or 'localhost'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )
