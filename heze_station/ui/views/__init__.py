"""The pages of the main window and the case file window."""
