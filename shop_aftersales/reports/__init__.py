"""Analytics queries and Excel workbooks (openpyxl). No Qt, so the CLI can export headless."""
