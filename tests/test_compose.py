"""docker-compose.yml and the Dockerfile name real code and settings.

No Docker engine is needed: the compose file is parsed and every command, module and
environment variable it names is checked against the project.
"""

import contextlib
import importlib
import itertools
import re
import runpy
import shlex
from pathlib import Path

import pytest
import yaml
from celery import Celery
from django.conf import settings
from django.core.management import get_commands, load_command_class
from django.urls import resolve

from core.views import readyz

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
APP_SERVICES = ["web", "worker", "beat"]
SETTINGS_SOURCE = (ROOT / "config" / "settings.py").read_text()
DOCKERFILE = (ROOT / "Dockerfile").read_text()


def _shell_commands(command):
    """Split a compose command (string or list, maybe `sh -c "a && b"`) into argv lists."""
    argv = shlex.split(command) if isinstance(command, str) else [str(a) for a in command]
    if len(argv) >= 3 and argv[0] in {"sh", "bash", "/bin/sh", "/bin/bash"} and argv[1] == "-c":
        script = argv[2]
        return [
            [word for word in shlex.split(part) if word != "exec"]
            for part in re.split(r"&&|;|\|\|", script)
            if part.strip()
        ]
    return [argv]


def _environment(service):
    env = SERVICES[service].get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return env


def _check_gunicorn(argv):
    targets = [
        arg
        for previous, arg in itertools.pairwise(argv)
        if ":" in arg and not arg.startswith("-") and previous not in {"--bind", "-b"}
    ]
    assert targets, f"gunicorn command names no module:attribute: {argv}"
    module_name, attribute = targets[0].split(":", 1)
    module = importlib.import_module(module_name)
    assert callable(getattr(module, attribute)), f"{targets[0]} is not a WSGI callable"


def _check_celery(argv):
    assert "-A" in argv or "--app" in argv, f"celery command names no app: {argv}"
    flag = "-A" if "-A" in argv else "--app"
    app_name = argv[argv.index(flag) + 1]
    module = importlib.import_module(app_name)
    # Celery finds `app`/`celery` on the module, or the app in its `celery` submodule.
    candidates = [getattr(module, name, None) for name in ("app", "celery")]
    with contextlib.suppress(ImportError, AttributeError):
        candidates.append(importlib.import_module(f"{app_name}.celery").app)
    assert any(isinstance(c, Celery) for c in candidates), f"no Celery app in {app_name}"
    assert {"worker", "beat", "inspect"} & set(argv), f"unknown celery sub-command: {argv}"


def _check_manage(argv):
    command = argv[argv.index("manage.py") + 1]
    assert command in get_commands(), f"manage.py {command} is not a management command"


def _check_argv(argv):
    program = Path(argv[0]).name
    if program == "gunicorn":
        _check_gunicorn(argv)
    elif program == "celery":
        _check_celery(argv)
    elif program.startswith("python") and "manage.py" in argv:
        _check_manage(argv)
    else:
        pytest.fail(f"unexpected program in compose command: {argv}")


def test_compose_has_the_five_services():
    assert {"postgres", "redis", *APP_SERVICES} <= set(SERVICES)


@pytest.mark.parametrize("service", APP_SERVICES)
def test_app_service_command_names_real_code(service):
    command = SERVICES[service].get("command")
    assert command, f"{service} has no command"
    for argv in _shell_commands(command):
        _check_argv(argv)


def test_web_migrates_before_gunicorn():
    argvs = _shell_commands(SERVICES["web"]["command"])
    programs = [Path(argv[0]).name for argv in argvs]
    assert programs[-1] == "gunicorn"
    assert any("migrate" in argv for argv in argvs[:-1])


def _healthcheck_argv(service):
    test = SERVICES[service]["healthcheck"]["test"]
    return shlex.split(test) if isinstance(test, str) else [str(word) for word in test[1:]]


def test_web_healthcheck_asks_readyz_and_fails_on_its_503():
    argv = _healthcheck_argv("web")
    assert argv[:2] == ["python", "-c"]
    # urlopen raises on a 503, so the check exits non-zero while the app is not ready.
    assert "urllib.request.urlopen('http://127.0.0.1:8000/readyz'" in argv[2]
    assert resolve("/readyz").func is readyz
    assert "127.0.0.1" in _environment("web")["DJANGO_ALLOWED_HOSTS"]


@pytest.mark.parametrize(
    ("service", "command"), [("worker", "worker_ready"), ("beat", "beat_ready")]
)
def test_worker_and_beat_healthchecks_run_their_readiness_commands(service, command):
    argv = _healthcheck_argv(service)
    assert argv[:3] == ["python", "manage.py", command]
    _check_manage(argv)
    # Its options are the command's own.
    parser = load_command_class("core", command).create_parser("manage.py", command)
    parser.parse_args(argv[3:])


def test_worker_healthcheck_pings_the_node_celery_names_after_the_container():
    # `celery worker` without -n is celery@<hostname>, worker_ready's default node.
    argv = _shell_commands(SERVICES["worker"]["command"])[0]
    assert "-n" not in argv
    assert "--hostname" not in argv
    assert "--node" not in _healthcheck_argv("worker")


def test_web_runs_gunicorn_with_its_settings_file():
    gunicorn = _shell_commands(SERVICES["web"]["command"])[-1]
    config = gunicorn[gunicorn.index("-c") + 1]
    assert (ROOT / config).is_file()
    assert f'"-c", "{config}"' in DOCKERFILE
    settings_file = runpy.run_path(str(ROOT / config))
    assert settings_file["bind"] == "0.0.0.0:8000"
    # gunicorn's own lines go to the root logger, written as settings.LOGGING has it.
    assert settings_file["logconfig_dict"]["root"] == settings.LOGGING["root"]
    assert settings_file["logconfig_dict"]["loggers"]["gunicorn.error"]["propagate"] is True


@pytest.mark.parametrize("service", ["worker", "beat"])
def test_celery_starts_without_its_banner(service):
    # The banner is plain text printed past the logging; -q leaves it out.
    argv = _shell_commands(SERVICES[service]["command"])[0]
    assert "-q" in argv or "--quiet" in argv


@pytest.mark.parametrize("service", APP_SERVICES)
def test_app_services_log_json(service):
    environment = _environment(service)
    assert environment.get("DJANGO_LOG_FORMAT", "json") == "json"
    assert environment.get("DJANGO_DEBUG", "false") == "false"


@pytest.mark.parametrize("service", APP_SERVICES)
def test_settings_module_if_set_is_importable(service):
    settings_module = _environment(service).get("DJANGO_SETTINGS_MODULE")
    if settings_module:
        importlib.import_module(settings_module)


@pytest.mark.parametrize("service", sorted(SERVICES))
def test_every_service_has_a_healthcheck(service):
    healthcheck = SERVICES[service].get("healthcheck")
    assert healthcheck, f"{service} has no healthcheck"
    assert healthcheck.get("test"), f"{service} has no healthcheck test"
    assert not healthcheck.get("disable")


@pytest.mark.parametrize("service", APP_SERVICES)
def test_app_services_wait_for_healthy_dependencies(service):
    depends_on = SERVICES[service].get("depends_on")
    assert depends_on, f"{service} depends on nothing"
    assert isinstance(depends_on, dict), f"{service} must wait with conditions"
    for dependency, condition in depends_on.items():
        assert dependency in SERVICES
        assert condition.get("condition") == "service_healthy"


@pytest.mark.parametrize("service", APP_SERVICES)
def test_every_app_env_var_is_read_by_settings(service):
    for name in _environment(service):
        if name == "DJANGO_SETTINGS_MODULE":
            continue
        assert f'"{name}"' in SETTINGS_SOURCE, f"config/settings.py does not read {name}"


def test_secret_key_is_required_not_defaulted():
    for service in APP_SERVICES:
        assert _environment(service)["DJANGO_SECRET_KEY"].startswith("${DJANGO_SECRET_KEY:?")


def test_database_password_is_required_not_defaulted():
    required = "${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}"
    assert _environment("postgres")["POSTGRES_PASSWORD"] == required
    for service in APP_SERVICES:
        assert f"partnerships:{required}@postgres" in _environment(service)["DATABASE_URL"]


def _mounts(service):
    mounts = {}
    for volume in SERVICES[service].get("volumes", []):
        if isinstance(volume, dict):
            mounts[volume["target"]] = volume["source"]
        else:
            source, target = volume.split(":")[:2]
            mounts[target] = source
    return mounts


def test_web_and_worker_share_the_media_volume():
    media_root = _environment("web")["DJANGO_MEDIA_ROOT"]
    assert _environment("worker")["DJANGO_MEDIA_ROOT"] == media_root
    web_volume = _mounts("web").get(media_root)
    assert web_volume, f"web mounts nothing at {media_root}"
    assert _mounts("worker").get(media_root) == web_volume
    assert web_volume in COMPOSE.get("volumes", {}), "media must be a named volume"


def test_beat_keeps_its_schedule_on_a_volume():
    argv = shlex.split(SERVICES["beat"]["command"])
    schedule = argv[argv.index("--schedule") + 1]
    assert str(Path(schedule).parent) in _mounts("beat")


def test_dockerfile_installs_pango_and_runs_gunicorn():
    assert "libpango" in DOCKERFILE
    cmd_lines = [line for line in DOCKERFILE.splitlines() if line.startswith("CMD")]
    assert cmd_lines, "Dockerfile has no CMD"
    assert "config.wsgi:application" in cmd_lines[-1]
    assert re.search(r"^USER (?!root)", DOCKERFILE, re.MULTILINE), "image must not run as root"
