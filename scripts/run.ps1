# Set up (first time) and start Báo cáo nhanh on Windows 10 1809+ with Python 3.11+ from python.org.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
if (-not (Test-Path ".venv\Scripts\python.exe")) { py -3 -m venv .venv }
.venv\Scripts\python.exe -m pip install -q --disable-pip-version-check -e .
.venv\Scripts\python.exe -m assistant @args
