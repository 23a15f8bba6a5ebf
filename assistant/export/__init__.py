"""A report as PDF or on paper, through Word or LibreOffice (see ``pdf.py``)."""
