"""Writes of the welcome journey, one module per area.

- ``inscription``: the multi-step registration and the creation of the file;
- ``parcours``: the journey steps, messages, discovery-stay requests, CVs, project updates;
- ``reseau``: routing to a referent, maturity score, pipeline status, notes, reminders;
- ``relances``: welcome email, scheduled follow-ups, check-ins, unsubscribe;
- ``donnees``: personal data export, account deletion, anonymisation.
"""
