"""Public views of the welcome journey: relances."""
