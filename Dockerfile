# One image for the web, worker and beat processes (see docker-compose.yml).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# WeasyPrint (PDF packs) needs Pango and HarfBuzz from the system; fonts-liberation gives
# it Arial-compatible fonts. Python dependencies come as wheels, so no compiler is needed.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 \
        libpangoft2-1.0-0 \
        libharfbuzz0b \
        libharfbuzz-subset0 \
        libffi8 \
        libjpeg62-turbo \
        fonts-liberation \
        shared-mime-info \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 10001 --user-group app

WORKDIR /app

COPY requirements.txt ./
RUN pip install -r requirements.txt

COPY . .

# Static files are collected into the image and served by WhiteNoise. Settings need a
# secret key to load; this throwaway one exists only for this RUN step.
ENV DJANGO_STATIC_ROOT=/app/staticfiles
ARG COLLECTSTATIC_SECRET_KEY=collectstatic-only-not-used-at-run-time
RUN DJANGO_SECRET_KEY="$COLLECTSTATIC_SECRET_KEY" DJANGO_DEBUG=false \
    python manage.py collectstatic --noinput

# Writable places for the app user: media (a shared volume in compose), the beat schedule
# and var/ (the embedded defaults, unused when DATABASE_URL and REDIS_URL are set).
RUN mkdir -p /data/media /data/beat /app/var \
    && chown -R app:app /data /app/var

USER app

EXPOSE 8000

# Binds 0.0.0.0:8000 with WEB_CONCURRENCY (3) workers, logging as JSON: see config/gunicorn.py.
CMD ["gunicorn", "-c", "config/gunicorn.py", "config.wsgi:application"]
