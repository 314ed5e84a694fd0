"""Seeing what arnews found: meeting cards in notebooks (`card`), `arnews show` in the
terminal (`terminal`, over `archive`'s DuckDB queries), and the self-contained HTML
report with the who-met-whom network (`report`).

This layer only reads the output tables; nothing here changes what the pipeline finds.
"""
