"""Hand-annotated gold data for the sample articles (see README.md)."""
