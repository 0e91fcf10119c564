"""PySide6 GUI: the only package that imports Qt. It calls services and never touches the database."""
