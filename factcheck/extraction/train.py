"""`python -m factcheck.extraction.train`: an entry point; the code is tools/train.py (the workshop)."""

if __name__ == "__main__":
    from .tools.train import main

    raise SystemExit(main())
