"""`python -m factcheck.extraction.evaluate`: the evaluation tables. The code lives in the workshop, tools/evaluate.py."""

if __name__ == "__main__":
    from .tools.evaluate import main

    raise SystemExit(main())
