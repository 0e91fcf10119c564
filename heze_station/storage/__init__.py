"""SQLite storage: typed SQLAlchemy models, engine set-up, migrations and queries. Flushes, never commits."""
