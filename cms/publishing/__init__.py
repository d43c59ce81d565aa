"""Publishing workflow: translations that follow their source's schedule, editorial
groups and moderation, and share-a-draft links for people outside the admin."""
