"""The statement page's "Why this score": the extractor's reasons as a checker reads them.

A stored reason is `[label, weight]`, the weight being its part of the calibrated log-odds (the extractor
README, "Reasons"). A checker does not read log-odds: each reason is shown with its direction (raised or
lowered the score) and a strength in words. The nearest-known-examples reason (always last, its weight the
share of check-worthy neighbours minus one half) gets a direction only, and the page credits the ClaimBuster
dataset its examples come from (CC BY 4.0 asks for the credit wherever they are used).
"""

from factcheck.claims.models import claim_worthy
from factcheck.claims.threshold import model_threshold

STRONG, MODERATE = 1.0, 0.4  # |weight| in log-odds: ×2.7 and ×1.5 on the odds
EXAMPLES_SOURCE = "(ClaimBuster training sentences)"
CLAIMBUSTER_CREDIT = (
    "Known examples are sentences of US presidential debates that people labelled check-worthy or not, from "
    "the ClaimBuster dataset (Arslan, Hassan, Li and Tremayne, ICWSM 2020; CC BY 4.0)."
)


def readable_reasons(reasons) -> list[dict]:
    """[{label, direction: up|down|even, strength: strong|moderate|slight|None, examples}] in stored order
    (strongest feature first, the examples last); a malformed entry is skipped, never an error."""
    out = []
    for reason in reasons or ():
        if not (isinstance(reason, list | tuple) and len(reason) == 2 and isinstance(reason[0], str)):
            continue
        label, weight = reason
        try:
            weight = float(weight)
        except (TypeError, ValueError):
            continue
        examples = label.endswith(EXAMPLES_SOURCE)
        if examples:
            label = label[: -len(EXAMPLES_SOURCE)].rstrip()
            strength = None
        else:
            size = abs(weight)
            strength = "strong" if size >= STRONG else "moderate" if size >= MODERATE else "slight"
        direction = "up" if weight > 0 else "down" if weight < 0 else "even"
        out.append({"label": label, "direction": direction, "strength": strength, "examples": examples})
    return out


def why_context(claim, newsroom_threshold) -> dict:
    """What the "Why this score" block shows: the reasons, whether the statement is check-worthy for this
    newsroom and by which threshold (its own, or the model's calibrated one it follows)."""
    reasons = readable_reasons(claim.reasons)
    threshold = newsroom_threshold if newsroom_threshold is not None else model_threshold()[0]
    return {
        "reasons": reasons,
        "worthy": claim_worthy(claim, newsroom_threshold),
        "threshold": threshold,
        "own_threshold": newsroom_threshold is not None,
        "credit": CLAIMBUSTER_CREDIT if any(r["examples"] for r in reasons) else "",
    }
