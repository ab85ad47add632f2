"""Which claim types a queue row shows as chips.

The extractor tags a statement with every type whose cue it finds, so most news sentences carry `event`
(any past-tense verb) and every quoted one `quote` + `attribution` (+ the speaker chip beside them): a row of
five grey chips that tells a checker nothing. The queue row shows the types that say what to check, at most
`QUEUE_MAX`, in a fixed order; the statement page and the Type filter keep all of them.

- Order: numeric, comparison, quote (a figure, a ranking, someone's words: what a checker checks first), then
  causal, prediction, opinion, then attribution, event.
- `event` is dropped when any other type is present: nearly every sentence reports something that happened.
- `attribution` is dropped when any type but `event` is present: a quote implies it, and the speaker chip
  already names who said it.
- `keep` (the queue's Type filter) is always shown, so a row found by "Type: event" shows why.
"""

QUEUE_ORDER = ("numeric", "comparison", "quote", "causal", "prediction", "opinion", "attribution", "event")
QUEUE_MAX = 3
_WEAK = {"attribution": {"attribution", "event"}, "event": {"event"}}  # a weak type, and what does not outrank it


def queue_types(types, keep=None):
    """The types of `types` (a statement's claim types) a queue row shows, in QUEUE_ORDER: see the module."""
    present = set(types)
    shown = [t for t in QUEUE_ORDER if t in present and present <= _WEAK.get(t, present)]
    shown = shown[:QUEUE_MAX]
    if keep in present and keep in QUEUE_ORDER and keep not in shown:
        shown = [*shown[: QUEUE_MAX - 1], keep]
    return shown + [t for t in types if t not in QUEUE_ORDER]  # a type this order does not know is not hidden
