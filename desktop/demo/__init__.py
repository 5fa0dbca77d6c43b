"""The demo: a realistic unit (and one around any plan) and a demo certificate authority."""
