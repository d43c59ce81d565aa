"""The bilingual demo catalog and benchmark data (development only)."""
