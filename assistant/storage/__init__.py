"""The history of reports and the outgoing-number register: a local SQLite file, or a server."""

# A report's life: draft → writing (its file being written) → generated → submitted (sent).
STATUSES = ("draft", "writing", "generated", "submitted")

# The history server for every command and the window: a postgresql:// URL.
DATABASE_ENV = "BAO_CAO_NHANH_DATABASE"
