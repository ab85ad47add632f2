"""The web benchmark's floor: the cheapest page a signed-in person can get through the whole stack.

Installed only with FACTCHECK_BENCH=1 (the workshop app). `bench_web` measures every screen against
it: the same middleware, session, login, membership context processor and base template as a real
screen, with an empty body, so "queue p50 ≤ 3 × the floor" compares page work with page work.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET


@require_GET
@login_required
def floor(request):
    return render(request, "bench/floor.html")
