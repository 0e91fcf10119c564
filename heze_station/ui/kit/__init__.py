"""The building blocks every screen is made of; build a new screen from these, never from scratch.

- :mod:`.page`: a page or window that shows the station's data, reloads when shown and on the changes that concern
  it (``StationView``).
- :mod:`.form`: fields with their messages beside them that clear once the field is fixed (``FieldErrors``), and the
  dialog for one use case built on them (``FormDialog``).
- :mod:`.inputs`: a choice among a domain enum's members, dates and China times, a file to attach.
- :mod:`.table`: read-only tables: a model described column by column for long lists, and the small
  ``QTableWidget`` tables of the case file; every one sortable.
- :mod:`.ask`: a question that does not block the event loop.
- :mod:`.palette`: the colours of case states, clocks, instalments, errors and warnings.
- :mod:`.text`: labels that show what a person typed as plain text, never as markup.
"""
