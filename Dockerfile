# careerplan production image: gunicorn by default; the same image runs the Celery worker and
# beat with another command (see docker-compose.yml).
FROM python:3.12-slim

# WEB_CONCURRENCY is gunicorn's own default for its number of worker processes; override it per
# deployment rather than editing the command.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    UV_PYTHON_DOWNLOADS=never \
    UV_PROJECT_ENVIRONMENT=/opt/venv \
    UV_COMPILE_BYTECODE=1 \
    UV_NO_CACHE=1 \
    PATH=/opt/venv/bin:$PATH \
    WEB_CONCURRENCY=3

# Pango and a font for WeasyPrint, which lays out the plan's PDF download.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

RUN pip install --root-user-action=ignore "uv==0.13.9" \
    && useradd --system --user-group --uid 10001 --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin careerplan

WORKDIR /app

# Dependencies first, so that a code change does not reinstall them. Only the runtime
# dependencies: the `dev` group (tests, linters) and the `embedded` group (the bundled
# PostgreSQL and Redis for `make run`) stay out of the image.
COPY pyproject.toml uv.lock .python-version ./
RUN uv sync --frozen --no-default-groups --no-install-project

COPY . .

# Settings refuse to load without their production variables; these placeholders exist only
# for this step (collectstatic touches neither the database nor Redis) and are not kept in
# the image.
RUN SECRET_KEY=build DATABASE_URL=postgres://x/x REDIS_URL=redis://x ALLOWED_HOSTS=x \
    SITE_URL=https://x EMAIL_URL=console:// DEFAULT_FROM_EMAIL=x@x \
    python manage.py collectstatic --noinput

USER careerplan

EXPOSE 8000

# No HEALTHCHECK here: the worker and beat containers use this image too and serve no HTTP.
# docker-compose.yml checks /healthz on the web service only.
CMD ["gunicorn", "careerplan.wsgi:application", \
     "--bind", "0.0.0.0:8000", \
     "--worker-class", "sync", \
     "--no-control-socket", \
     "--access-logfile", "-"]
