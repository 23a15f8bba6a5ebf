"""The local history of reports and the outgoing-number register (SQLite)."""
