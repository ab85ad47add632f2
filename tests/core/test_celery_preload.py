"""factcheck.celery._preload_extractor: a worker that takes the extraction queue loads the extractor before it
forks its pool; a worker of other queues does not."""

from types import SimpleNamespace

import pytest

from factcheck import celery as celery_module
from factcheck.extraction import pipeline


def _worker(consume_from):
    queues = SimpleNamespace(consume_from=consume_from)
    return SimpleNamespace(app=SimpleNamespace(amqp=SimpleNamespace(queues=queues)))


@pytest.mark.parametrize(
    ("consume_from", "loads"),
    [
        ({"extraction": object(), "default": object()}, True),
        ({"extraction": object()}, True),
        (None, True),  # no -Q: every queue, extraction among them
        ({"reports": object()}, False),
        ({"reports": object(), "default": object()}, False),
    ],
)
def test_it_loads_the_extractor_only_for_a_worker_of_the_extraction_queue(monkeypatch, consume_from, loads):
    texts = []
    monkeypatch.setattr(pipeline, "extract", texts.append)
    celery_module._preload_extractor(sender="w@host", instance=_worker(consume_from))
    assert bool(texts) is loads


def test_the_warm_up_text_goes_through_the_whole_extractor():
    # the real extractor on the warm-up text: it finds its figures, so every stage (and the model) ran
    found = []
    original = pipeline.extract

    def spy(text):
        result = original(text)
        found.append(result)
        return result

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pipeline, "extract", spy)
        celery_module._preload_extractor(sender="w@host", instance=_worker({"extraction": object()}))
    (result,) = found
    assert result.quantities and result.statements and result.statements[0].checkworthiness > 0
