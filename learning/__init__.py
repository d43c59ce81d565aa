"""Learning: progress through lessons, completion certificates, verified reviews."""
