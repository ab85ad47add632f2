"""The review room's screens on the statement page, one module a concern:

- `panels`: what the evidence list and the verdict panel show (`review_context`) and the answers of the POSTs
  that change them;
- `evidence`: adding and removing evidence; `verdict`: saving the draft (and submitting it in the same click);
  `transitions`: submit, withdraw, approve, return, correct;
- `similar`: the similar-statements panel; `history`: the history tab.

The statement page itself is `factcheck.verdicts.statement`, the dashboard `factcheck.verdicts.dashboard`. The
page's reads are named here for it; patch a name in the module that defines it (e.g. `views.similar`).
"""

from factcheck.verdicts.views.history import claim_history
from factcheck.verdicts.views.panels import claim_context_text, review_context, shown_rating
from factcheck.verdicts.views.similar import similar_claims

__all__ = ["claim_context_text", "claim_history", "review_context", "shown_rating", "similar_claims"]
