"""Public views of the welcome journey: inscription."""
