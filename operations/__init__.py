"""Operating the site: health, logs, headers, limits, backups."""
