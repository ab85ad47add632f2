"""`python -m factcheck.extraction.bench`: an entry point; the code is tools/bench.py (the workshop)."""

if __name__ == "__main__":
    from .tools.bench import main

    raise SystemExit(main())
