"""Reusable widgets: the signature pad and the document print preview."""
