"""`python -m factcheck.extraction.gold_eval`: the relations gold: draw, show, build, score, misses. The code lives in the workshop, tools/gold_eval.py."""

if __name__ == "__main__":
    from .tools.gold_eval import main

    raise SystemExit(main())
