"""Public views of the welcome journey: donnees."""
