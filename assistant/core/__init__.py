"""The domain, in plain Python: no Qt, no docx, no SQLite imports here."""
