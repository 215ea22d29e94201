"""``make bench``: the platform's latency, throughput and memory, and a Celery baseline.

Sections, in one run (``python -m emergisphere_runtime.benchmarks``):

* distributed: the ten services as separate processes on the local servers
  (``make services-up``), an open-loop run at a fixed arrival rate and a closed-loop
  saturation run, and every process's memory;
* celery: the same eight steps as a Celery chain on the same Redis, closed loop with the
  same count and concurrency as the saturation run;
* embedded: ``emergisphere dev`` (one process, embedded adapters), a short closed loop.

The table goes to stdout, the same figures as JSON to ``.data/bench/latest.json``.
"""
