"""Reads new incoming directives from .docx, .pdf, .txt or scans."""
