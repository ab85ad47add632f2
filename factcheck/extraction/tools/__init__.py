"""The extractor's workshop: training, evaluation, benchmarks, the gold and the dataset readers.

Nothing in the runtime engine imports this package (tests/extraction/test_no_django.py checks it): it
needs scikit-learn and scipy (requirements/test.txt), which production and `make run` do not install.
"""
