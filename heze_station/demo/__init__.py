"""The demo station: generated but realistic cases, written through the real services.

A layer above ``services`` (it drives intake, agreements, payments and clues as a coordinator would) and below
the window and the command line, which start it; nothing in ``services`` depends on it.
"""
