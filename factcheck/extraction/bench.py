"""`python -m factcheck.extraction.bench`: the extractor benchmark. The code lives in the workshop, tools/bench.py."""

if __name__ == "__main__":
    from .tools.bench import main

    raise SystemExit(main())
