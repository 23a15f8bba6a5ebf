"""Checks a .docx against a format profile (NĐ30 or HD36)."""
