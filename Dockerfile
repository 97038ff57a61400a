# The portal's image: the same code as `make run`, configured by the environment.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN useradd --create-home --uid 1000 portail
WORKDIR /app

COPY requirements.lock ./
RUN pip install -r requirements.lock

COPY --chown=portail:portail . .
# Static files are collected into the image and served by WhiteNoise.
RUN DJANGO_DEBUG=false DJANGO_SECRET_KEY=collectstatic-only STATIC_ROOT=/app/staticfiles \
    python manage.py collectstatic --noinput \
    && mkdir -p /app/var /app/media && chown -R portail:portail /app/var /app/media

USER portail
ENV STATIC_ROOT=/app/staticfiles MEDIA_ROOT=/app/media PORT=8000
EXPOSE 8000
CMD ["sh", "-c", "gunicorn lot_portal.wsgi:application --bind 0.0.0.0:${PORT} --workers ${WEB_CONCURRENCY:-2} --access-logfile -"]
