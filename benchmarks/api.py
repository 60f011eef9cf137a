"""The REST API under load: benchmarks/load.py over the API's endpoints alone.

The same estate (scale_data), server (gunicorn, production settings) and client (wrk) as
`make bench-load`, over the main list and detail endpoints only, with BENCH_CLIENTS (20)
connections for BENCH_SECONDS (60), then each endpoint alone for BENCH_ENDPOINT_SECONDS (10).
Every knob of benchmarks/load.py applies. It prints figures; it is not a test.

    make bench-api               # or: python benchmarks/api.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_api make bench-api
    BENCH_MEETINGS=10000 BENCH_READINGS=100000 make bench-api   # a quick look
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("BENCH_CLIENTS", "20")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import load

if __name__ == "__main__":
    load.main(
        urls_for=load.api_endpoints,
        endpoint_seconds=int(os.environ.get("BENCH_ENDPOINT_SECONDS", "10")),
    )
