"""`python -m factcheck.extraction.gold_eval`: an entry point; the code is tools/gold_eval.py (the workshop)."""

if __name__ == "__main__":
    from .tools.gold_eval import main

    raise SystemExit(main())
