"""The WordLlama embedding is read from the installed wheel's own files and never touches the network."""

import socket
import sys

import numpy as np
import pytest

from factcheck.extraction import extract
from factcheck.extraction.checkworthiness import MODEL_PATH, Model
from factcheck.extraction.features import EMBED_DIM, Embedding, wordllama_dir

from .fixture_article import ARTICLE


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    yield


def test_the_guard_really_blocks_connections(no_network):
    with pytest.raises(AssertionError):
        socket.create_connection(("127.0.0.1", 9))


def test_the_embedding_loads_from_the_wheel_with_networking_disabled(no_network, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))  # no cache folder to fall back on either
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    emb = Embedding()
    assert emb.vectors.shape == (32000, EMBED_DIM)
    v = emb.vector("Unemployment rose to 8.2% last year.")
    assert v.shape == (EMBED_DIM,) and abs(float(v @ v) - 1.0) < 1e-9
    assert not np.any(emb.vector(""))
    # the whole-text tokenizer is read only when a text needs it (an added token's text), still offline
    assert "tokenizer" not in vars(emb)
    assert emb.ids("<s> Prices rose 5% last year.") and "tokenizer" in vars(emb)
    assert not (tmp_path / "hf").exists()
    assert (wordllama_dir() / "tokenizers").is_dir()


def test_the_model_scores_and_extracts_with_networking_disabled(no_network):
    model = Model(MODEL_PATH)
    assert model.embedding is not None, "the shipped model uses the embedding"
    score, reasons = model.score("The deficit doubled to $1.2 trillion in 2009.")
    assert 0.0 < score < 1.0 and reasons
    ex = extract(ARTICLE, model=model)
    assert ex.statements


def test_the_wordllama_package_itself_is_never_imported():
    Embedding().vector("a test")
    assert "wordllama" not in sys.modules or "wordllama.wordllama" not in sys.modules
    assert "huggingface_hub" not in sys.modules


def test_similar_sentences_are_closer_than_unrelated_ones():
    emb = Embedding()
    a = emb.vector("Unemployment rose sharply last year.")
    b = emb.vector("Joblessness increased a lot in the past year.")
    c = emb.vector("Thank you so much for having me tonight.")
    assert a @ b > a @ c


def test_a_lone_surrogate_does_not_break_the_embedding():
    v = Embedding().vector("Prices rose \ud800 5% last year.")
    assert v.shape == (EMBED_DIM,) and np.any(v)


def test_long_texts_are_tokenised_in_bounded_pieces():
    emb = Embedding()
    short = "Prices rose 5% last year. " * 30  # under the chunk size: one call
    assert emb.ids(short) == emb._encode(short)
    long_run = "“”‘’«»" * 20_000  # no space at all
    ids = emb.ids(long_run)
    assert ids and np.any(emb.vector(long_run))
    prose = "The council spent £4m on roads. " * 2_000
    assert len(emb.ids(prose)) > 10_000
