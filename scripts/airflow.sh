#!/usr/bin/env bash
# `make airflow`: Airflow 3 standalone (scheduler, dag processor, triggerer,
# api-server + UI on http://localhost:8080) running this repo's DAGs.
#
# AIRFLOW_HOME is $RUF_DATA_DIR/airflow (default data/airflow): metadata DB
# (sqlite), logs, and the generated UI password all stay in the data root.
# One Airflow pool per portal is created from config/portals.yaml before start.
set -euo pipefail

cd "$(dirname "$0")/.."
REPO="$(pwd)"
BIN="${VENV:-$REPO/.venv}/bin"

export RUF_DATA_DIR="$(realpath -m "${RUF_DATA_DIR:-$REPO/data}")"
export AIRFLOW_HOME="${AIRFLOW_HOME:-$RUF_DATA_DIR/airflow}"
export AIRFLOW__CORE__DAGS_FOLDER="$REPO/dags"
export AIRFLOW__CORE__LOAD_EXAMPLES=False
export AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION="${AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION:-True}"
# The DAGs import the ruf package (pip-installed editable into .venv).
export PATH="$BIN:$PATH"
mkdir -p "$AIRFLOW_HOME"

if [ -z "${RUF_PSEUDONYM_KEY:-}" ] && [ -z "${RUF_DEMO:-}" ]; then
  echo "[airflow] note: RUF_PSEUDONYM_KEY is not set; set it, or the Airflow Variable" \
       "ruf_pseudonym_key, or RUF_DEMO=1 for the demo key, before ruf_transform runs" >&2
fi

echo "[airflow] AIRFLOW_HOME=$AIRFLOW_HOME  dags=$AIRFLOW__CORE__DAGS_FOLDER  RUF_DATA_DIR=$RUF_DATA_DIR"
echo "[airflow] migrating the metadata DB"
airflow db migrate > "$AIRFLOW_HOME/db-migrate.log" 2>&1 || { tail -30 "$AIRFLOW_HOME/db-migrate.log"; exit 1; }

echo "[airflow] creating one pool per portal (slots = politeness concurrency)"
POOLS="$AIRFLOW_HOME/ruf-pools.json"
python -c 'import json, sys; from ruf.airflow.tasks import pool_definitions; json.dump(pool_definitions(), sys.stdout, indent=2)' > "$POOLS"
airflow pools import "$POOLS" 2>/dev/null | tail -1
airflow pools list 2>/dev/null | grep -E "portal_|pool " || true

PASSWORDS="$AIRFLOW_HOME/simple_auth_manager_passwords.json.generated"
airflow standalone &
AF_PID=$!
trap 'kill "$AF_PID" 2>/dev/null; wait "$AF_PID" 2>/dev/null' INT TERM EXIT

# The simple auth manager writes the generated password on the api-server's
# first start; wait for it (up to two minutes) and say how to log in.
for _ in $(seq 1 120); do
  [ -s "$PASSWORDS" ] && break
  kill -0 "$AF_PID" 2>/dev/null || { echo "[airflow] standalone exited early" >&2; exit 1; }
  sleep 1
done
echo
echo "[airflow] UI: http://localhost:8080"
if [ -s "$PASSWORDS" ]; then
  echo "[airflow] log in as: $(python -c 'import json,sys; d=json.load(open(sys.argv[1])); print(", ".join(f"{u} / {p}" for u, p in d.items()))' "$PASSWORDS")"
  echo "[airflow] (passwords file: $PASSWORDS)"
else
  echo "[airflow] password not written yet: see $PASSWORDS once the api-server is up"
fi
echo "[airflow] DAGs start paused: unpause ruf_ingest, ruf_transform, ruf_warehouse, ruf_report in the UI"
echo "[airflow]   or: AIRFLOW_HOME=$AIRFLOW_HOME $BIN/airflow dags unpause ruf_ingest (etc.)"
echo "[airflow] Ctrl-C stops everything"
wait "$AF_PID"
