"""The local history of reports and the outgoing-number register (SQLite)."""

# A report's life: draft → writing (its file being written) → generated → submitted (sent).
STATUSES = ("draft", "writing", "generated", "submitted")
