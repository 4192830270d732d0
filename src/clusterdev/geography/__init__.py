"""States, districts and PIN codes of India, loaded from the offline gazetteer."""
