"""`python -m factcheck.extraction.evaluate`: an entry point; the code is tools/evaluate.py (the workshop)."""

if __name__ == "__main__":
    from .tools.evaluate import main

    raise SystemExit(main())
