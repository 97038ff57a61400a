"""The welcome journey in the Wagtail admin, one module per area.

Each module exposes ``VIEWSETS``: the ``ViewSet`` instances it adds to the « Accueil »
menu group (``accueil/wagtail_hooks.py``), in menu order.
"""
