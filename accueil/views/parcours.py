"""Public views of the welcome journey: parcours."""
