"""Writes documents (.docx) from the core's report layout."""
