"""Reads of the welcome journey that views, the admin and other apps reuse."""
