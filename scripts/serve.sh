#!/bin/sh
# Start the server for a container or host: PORT (default 8501) and BASE_URL_PATH (default none).
exec python -m streamlit run app.py --server.port="${PORT:-8501}" --server.address=0.0.0.0 \
  --server.baseUrlPath="${BASE_URL_PATH:-}"
