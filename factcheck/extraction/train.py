"""`python -m factcheck.extraction.train`: train the check-worthiness model. The code lives in the workshop, tools/train.py."""

if __name__ == "__main__":
    from .tools.train import main

    raise SystemExit(main())
