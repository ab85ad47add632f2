from django.apps import AppConfig


class BenchConfig(AppConfig):
    """The workshop: benchmark and fault-injection commands. Installed only when FACTCHECK_BENCH=1.

    Imports every room; nothing in the runtime imports it. `make bench-*` and `make chaos` set the switch.
    """

    name = "factcheck.bench"
    label = "bench"
