"""Features for the check-worthiness model, shared by training and inference.

Hashed word 1-2 grams and in-word character 3-5 grams (crc32, stable across processes and Python
versions), TF-IDF weighted, plus a few hand features that an editor can read as reasons, plus the
mean of the sentence's WordLlama token embeddings (256-d static vectors shipped inside the `wordllama`
wheel; see `Embedding`).
"""

from __future__ import annotations

import importlib.util
import json
import math
import re
import zlib
from collections import Counter
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np

from . import quantities as Q
from .claimtypes import wording

N_BUCKETS = 1 << 18
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_DIGIT = re.compile(r"\d")
_CAPS = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+")
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|me|my|we|we're|we’re|our|us)\b")
_YOU = re.compile(r"\b(?:you|your|you're|you’re)\b", re.I)
_ATTRIB = re.compile(r"\b(?:said|says|told|according to|reported|announced|stated)\b", re.I)
_CALL = re.compile(r"\b(?:called on|calls on|call on|urged|urges|urge|demand(?:ed|s)?|appeal(?:ed|s)? to)\b", re.I)

HAND_FEATURES = [
    ("num", "has a specific number"),
    ("nquant", "several quantities"),
    ("money", "an amount of money"),
    ("pct", "a percentage"),
    ("cmp", "comparison or superlative"),
    ("first", "first-person voice"),
    ("question", "a question"),
    ("opinion", "opinion or evaluative wording"),
    ("modal", "prediction or modal verb"),
    ("length", "sentence length"),
    ("attrib", "attributed to a source"),
    ("names", "names people, places or organisations"),
    ("date", "mentions a date or year"),
    ("you", "addresses the listener"),
    ("call", "a call to action"),
]


_WORD_CACHE: dict[str, tuple[int, tuple[int, ...]]] = {}
_WORD_CACHE_MAX = 300_000


def _word_features(w: str) -> tuple[int, tuple[int, ...]]:
    """(unigram bucket, character n-gram buckets) of a word; memoised, as words repeat a lot."""
    r = _WORD_CACHE.get(w)
    if r is None:
        crc = zlib.crc32
        padded = " " + w + " "
        n = len(padded)
        grams = tuple(crc(padded[i : i + k].encode()) % N_BUCKETS for k in (3, 4, 5) for i in range(0, n - k + 1))
        r = (crc(("w " + w).encode()) % N_BUCKETS, grams)
        if len(_WORD_CACHE) < _WORD_CACHE_MAX:
            _WORD_CACHE[w] = r
    return r


def term_ids(text: str) -> tuple[list[int], list[tuple[int, str]]]:
    """Every hashed term of the text, once per occurrence (word, its character n-grams, the bigram with
    the word before), and the readable word terms (bucket, term) for reasons."""
    low = _DIGIT.sub("0", text.lower())
    ids: list[int] = []
    readable: list[tuple[int, str]] = []
    crc = zlib.crc32
    prev = None
    for w in _WORD.findall(low):
        uni, grams = _word_features(w)
        ids.append(uni)
        ids.extend(grams)
        readable.append((uni, w))
        if prev is not None:
            bg = prev + " " + w
            h = crc(("b " + bg).encode()) % N_BUCKETS
            ids.append(h)
            readable.append((h, bg))
        prev = w
    return ids, readable


def hashed_terms(text: str) -> tuple[dict[int, float], list[tuple[int, str]]]:
    """Term counts by bucket, and the readable word terms (bucket, term) for reasons."""
    ids, readable = term_ids(text)
    return dict(Counter(ids)), readable


def hand_features(text: str, raw_quantities: list | None = None) -> list[float]:
    if raw_quantities is None:
        raw_quantities = Q.find(text)
    kinds = [q.kind for q in raw_quantities]
    numeric = [q for q in raw_quantities if Q.is_numeric(q)]
    n_words = len(text.split())
    comparison, _causal, prediction, opinion, _event = wording(text)
    return [
        1.0 if numeric else 0.0,
        math.log1p(len(numeric)),
        1.0 if "money" in kinds else 0.0,
        1.0 if "percent" in kinds else 0.0,
        1.0 if comparison else 0.0,
        1.0 if _FIRST_PERSON.search(text) else 0.0,
        1.0 if "?" in text else 0.0,
        1.0 if opinion else 0.0,
        1.0 if prediction else 0.0,
        math.log1p(n_words) / 4.0,
        1.0 if _ATTRIB.search(text) else 0.0,
        math.log1p(len(_CAPS.findall(text))),
        1.0 if "date" in kinds else 0.0,
        1.0 if _YOU.search(text) else 0.0,
        1.0 if _CALL.search(text) else 0.0,
    ]


# --- WordLlama static embeddings, read from the installed wheel's own files ---------------------------
#
# wordllama 0.4.0.post1 ships `weights/l2_supercat_256.safetensors` (32,000 x 256, float16) and
# `tokenizers/l2_supercat_tokenizer_config.json`. Its own loader looks for a `tokenizer/` folder, misses
# the shipped `tokenizers/` one and then tries a download; so we never call it (nor import the
# `wordllama` package, which would pull in huggingface_hub): the package folder is located with
# `importlib.util.find_spec` (which does not run the package), the tokenizer is read with the
# `tokenizers` library's `Tokenizer.from_file` and the safetensors file is parsed with numpy
# (8-byte header length, JSON header, raw little-endian data). No network, no cache folder.

WORDLLAMA_TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"
WORDLLAMA_WEIGHTS = "weights/l2_supercat_256.safetensors"
EMBED_DIM = 256


def wordllama_dir() -> Path:
    spec = importlib.util.find_spec("wordllama")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the wordllama package is not installed (requirements/extraction.txt)")
    return Path(next(iter(spec.submodule_search_locations)))


def read_safetensor(path: Path, key: str = "embedding.weight") -> np.ndarray:
    """One tensor of a .safetensors file as a float32 array, with numpy only."""
    dtypes = {"F16": "<f2", "F32": "<f4", "BF16": None}
    with open(path, "rb") as f:
        n = int.from_bytes(f.read(8), "little")
        header = json.loads(f.read(n))
        meta = header[key]
        dtype = dtypes.get(meta["dtype"])
        if dtype is None:
            raise ValueError(f"unsupported dtype {meta['dtype']} in {path}")
        start, end = meta["data_offsets"]
        f.seek(8 + n + start)
        raw = f.read(end - start)
    return np.frombuffer(raw, dtype=dtype).reshape(meta["shape"]).astype(np.float32)


_LONG_RUN = re.compile(r"\S{65,}")
_CHUNK = 1000


def _cut_run(m: re.Match) -> str:
    run = m.group(0)
    return " ".join(run[i : i + 64] for i in range(0, len(run), 64))


class Embedding:
    """Mean of the WordLlama token vectors of a text, L2-normalised (zeros for a text with no token)."""

    def __init__(self, folder: Path | None = None):
        self.folder = folder or wordllama_dir()
        self.vectors = read_safetensor(self.folder / WORDLLAMA_WEIGHTS)
        self.n_vocab = self.vectors.shape[0]
        self.words = WordPieces.load(self.folder / WORDLLAMA_TOKENIZER, self.n_vocab)

    @cached_property
    def tokenizer(self):
        """The whole-text tokenizer, read when first needed (0.07 s of the model's load): with the word
        pieces in place only a text holding an added token's text or a lone surrogate comes here."""
        from tokenizers import Tokenizer  # the Rust tokenizer only; it does not import huggingface_hub

        tokenizer = Tokenizer.from_file(str(self.folder / WORDLLAMA_TOKENIZER))
        tokenizer.no_padding()
        tokenizer.no_truncation()
        return tokenizer

    def ids(self, text: str) -> list[int]:
        if _LONG_RUN.search(text) is not None:
            # The tokenizer's merges are quadratic in the length of a run without spaces ("“”‘’…" x
            # 20,000: 0.7 s); cut such runs into pieces of 64 characters so no text can stall it.
            text = _LONG_RUN.sub(_cut_run, text)
        if len(text) <= _CHUNK:
            return self._encode(text)
        # The tokenizer is super-linear in the length of one input (20k → 200k characters of prose:
        # x18 time), so a long text is encoded in pieces of at most _CHUNK characters cut at a space.
        ids: list[int] = []
        i, n = 0, len(text)
        while i < n:
            j = min(n, i + _CHUNK)
            if j < n:
                k = text.rfind(" ", i + 1, j)
                if k > i:
                    j = k
            ids.extend(self._encode(text[i:j]))
            i = j
        return ids

    def _encode(self, text: str) -> list[int]:
        if self.words is not None and _ADDED_TOKEN.search(text) is None:
            try:
                return self.words.ids(text)
            except TypeError:  # a lone surrogate: the whole text as below
                pass
        try:
            enc = self.tokenizer.encode(text, add_special_tokens=False)
        except TypeError:  # a lone surrogate ("\ud800") is not valid UTF-8 for the Rust tokenizer
            enc = self.tokenizer.encode(text.encode("utf-8", "replace").decode("utf-8"), add_special_tokens=False)
        return [i for i in enc.ids if 0 <= i < self.n_vocab]

    def vector(self, text: str) -> np.ndarray:
        """The normalised sum of the token vectors (= the normalised mean), float32."""
        return self._mean(self.ids(text))

    def vectors_of(self, texts: list[str]) -> list[np.ndarray]:
        """[self.vector(t) for t in texts]: all the texts tokenized first, then all the sums, so the
        tokenizer's tables stay in the CPU cache instead of being evicted by the sums text after text."""
        return [self._mean(ids) for ids in [self.ids(text) for text in texts]]

    def _mean(self, ids: list[int]) -> np.ndarray:
        if not ids:
            return np.zeros(self.vectors.shape[1], dtype=np.float32)
        if len(ids) <= 4096:
            v = self.vectors[ids].sum(axis=0)
        else:  # bounded memory for a huge text: sum block by block
            v = np.zeros(self.vectors.shape[1], dtype=np.float32)
            for b in range(0, len(ids), 4096):
                v += self.vectors[ids[b : b + 4096]].sum(axis=0)
        n = math.sqrt(float(v @ v))
        return v / n if n > 0 else v


_SPACE = "\u2581"  # the SentencePiece space, "▁"
_WORD_PIECE = re.compile(_SPACE + "+[^" + _SPACE + "]*")
_ADDED_TOKEN = re.compile(r"<unk>|</?s>")  # matched in the raw text before anything else: left to the tokenizer
_PIECE_CACHE_MAX = 100_000
_PIECE_MAX_CHARS = 40


class WordPieces:
    """The tokenizer's ids of a text, word by word, each word's ids remembered (texts of an article share
    most of their words; the tokenizer call costs about 70 us a statement, most of the embedding's cost).

    Exact, not an approximation: the tokenizer (Llama 2's SentencePiece BPE) replaces each space by "▁",
    puts one before the text and runs its merges over the whole text as one word. No token of its vocabulary
    has a "▁" after another character, so no merge ever joins a character to a following "▁": the text
    splits, before every run of "▁" that follows another character, into words that are merged each on its
    own, and the ids of the text are the ids of its words in order (merges never cross the cut, and merges
    within a word happen in the same order). `load` checks these properties of the shipped tokenizer file
    (normalizer, no pre-tokenizer, BPE without dropout, byte fallback, the vocabulary) and returns None, so
    the whole text goes to the tokenizer, if any differs. The words are encoded by a second tokenizer from
    the same file without its normalizer (a word already has its "▁"). Texts holding an added token's text
    ("<s>") go to the tokenizer whole, as does a text the tokenizer refuses (a lone surrogate)."""

    def __init__(self, path: Path, n_vocab: int):
        from tokenizers import Tokenizer, normalizers

        self.tokenizer = Tokenizer.from_file(str(path))
        self.tokenizer.normalizer = normalizers.Sequence([])
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        self.n_vocab = n_vocab
        self.cache: dict[str, tuple[int, ...]] = {}

    @classmethod
    def load(cls, path: Path, n_vocab: int) -> WordPieces | None:
        with open(path, encoding="utf-8") as f:
            config = json.load(f)
        model = config.get("model") or {}
        applies = (
            config.get("normalizer")
            == {
                "type": "Sequence",
                "normalizers": [
                    {"type": "Prepend", "prepend": _SPACE},
                    {"type": "Replace", "pattern": {"String": " "}, "content": _SPACE},
                ],
            }
            and config.get("pre_tokenizer") is None
            and model.get("type") == "BPE"
            and model.get("dropout") is None
            and model.get("byte_fallback") is True
            and not model.get("ignore_merges")
            and not model.get("continuing_subword_prefix")
            and not model.get("end_of_word_suffix")
            and all(f"<0x{b:02X}>" in model.get("vocab", {}) for b in range(256))
            and sorted(t["content"] for t in config.get("added_tokens", [])) == ["</s>", "<s>", "<unk>"]
            and not any(_SPACE in token.lstrip(_SPACE) for token in model.get("vocab", {}))
        )
        return cls(path, n_vocab) if applies else None

    def ids(self, text: str) -> list[int]:
        """self.tokenizer's ids of text with the original normalizer, in range of the vectors."""
        if not text:
            return []
        ids: list[int] = []
        cache = self.cache
        for word in _WORD_PIECE.findall(_SPACE + text.replace(" ", _SPACE)):
            got = cache.get(word)
            if got is None:
                n = self.n_vocab
                got = tuple(i for i in self.tokenizer.encode(word, add_special_tokens=False).ids if 0 <= i < n)
                if len(word) <= _PIECE_MAX_CHARS and len(cache) < _PIECE_CACHE_MAX:
                    cache[word] = got
            ids.extend(got)
        return ids


@lru_cache(maxsize=1)
def default_embedding() -> Embedding:
    return Embedding()
