"""Development-only tools: the local Stripe stand-in."""
