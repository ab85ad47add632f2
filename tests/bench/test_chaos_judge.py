"""The chaos command's verdict on a PostgreSQL restart under web load, on records written here."""

from factcheck.bench.management.commands.chaos import _outage_judge

MARKS = {"stop_begin": 10.0, "down_at": 11.0, "start_begin": 21.0, "up_at": 22.0}


def _records(during_status=503, says=True, late_error_at=None):
    records = [(t / 2, "/healthz", 200, 0.01, False) for t in range(0, 19)]  # 0 .. 9 s: all fine
    records += [(12.0 + t, path, during_status, 0.02, says) for t in range(0, 8) for path in ("/healthz", "/queue/")]
    records += [(23.0 + t, "/healthz", 200, 0.01, False) for t in range(0, 10)]
    if late_error_at is not None:
        records.append((late_error_at, "/queue/", 503, 0.05, True))
    return sorted(records)


def test_a_clean_outage_passes():
    ok, observed, parts, unclean = _outage_judge(_records(), **MARKS)
    assert ok, observed
    assert unclean == []
    assert [title for title, _ in parts] == ["before", "outage", "after"]
    assert "16 answers" in observed


def test_an_outage_answer_without_the_message_fails():
    ok, _, _, unclean = _outage_judge(_records(says=False), **MARKS)
    assert not ok
    assert all(r[2] == 503 and not r[4] for r in unclean)


def test_a_500_during_the_outage_fails():
    ok, _, _, unclean = _outage_judge(_records(during_status=500), **MARKS)
    assert not ok and unclean


def test_a_slow_recovery_fails():
    # still a 503 nine seconds after PostgreSQL was back: recovery must take at most 5 s
    ok, observed, _, _ = _outage_judge(_records(late_error_at=31.0), **MARKS)
    assert not ok
    assert "all 200 again 9.1 s after" in observed
