"""Benchmarks for the figures the issue sets goals for: cold start, search and the case list over 100,000 cases.

Run with ``make bench`` (``QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench``). Each figure is printed as one
line and all of them are written to ``bench/results.json``. The 100,000-case database is generated once and kept
in the system's temporary folder, keyed by the code that shapes it, so later runs start measuring at once.
"""
