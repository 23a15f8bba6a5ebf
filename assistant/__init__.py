"""Báo cáo nhanh: drafts the report (báo cáo) an agency sends back after a directive (công văn)."""

__version__ = "0.1.0"
