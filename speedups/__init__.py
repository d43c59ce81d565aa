"""Speed-ups, each switched on in settings; the site works with all off."""
