# Self-hosted nnviz: CPU-only PyTorch, non-root, health-checked. Build: docker build -t nnviz .
# Run: docker run -p 8501:8501 nnviz   (or -e PORT=9000 -p 9000:9000; -e BASE_URL_PATH=nnviz behind a proxy)
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PORT=8501 \
    BASE_URL_PATH="" \
    PROCESSES=1

RUN useradd --create-home --uid 10001 nnviz
WORKDIR /app

# Requirements first, so code changes do not reinstall torch. The CPU index keeps torch small.
COPY requirements.txt .
RUN pip install --extra-index-url https://download.pytorch.org/whl/cpu -r requirements.txt

COPY --chown=10001:10001 . .
USER 10001

EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "scripts/healthcheck.py"]

# One process per container (PROCESSES=1): scale with replicas (deploy/compose.yaml, deploy/k8s).
CMD ["bash", "scripts/serve.sh"]
