# A small, non-root image of one Coordi webhook worker.
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot bot
COPY handlers handlers
COPY storage storage
COPY prompts prompts
RUN pip install --no-cache-dir --prefix=/install .

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PORT=8080
COPY --from=build /install /usr/local
RUN useradd --create-home --uid 10001 coordi
USER coordi
WORKDIR /home/coordi
EXPOSE 8080
# Redis comes from REDIS_URL (see compose.yaml); the embedded one is for development.
HEALTHCHECK --interval=30s --timeout=3s CMD python -c "import os,urllib.request; urllib.request.urlopen(f'http://127.0.0.1:{os.environ.get(\"PORT\",\"8080\")}/healthz')"
# Exec form: python is PID 1 and gets SIGTERM itself (no shell in between to swallow it),
# so it drains and exits within SHUTDOWN_GRACE_SECONDS (8 s, under `docker stop`'s 10 s).
CMD ["python", "-m", "bot"]
