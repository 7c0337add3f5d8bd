"""Cross-cutting machinery: settings, database, security, errors, audit, HTTP helpers."""
