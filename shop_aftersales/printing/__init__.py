"""Slips, labels and barcodes rendered with QtGui (QTextDocument/QPainter, QPdfWriter); never widgets.

Its first documents (the return slip and the item label) arrive with the returns feature.
"""
