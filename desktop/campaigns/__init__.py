"""Campaigns as the Sở's plans set them: the campaign records, reading plans, registration
and every deadline."""
