"""Every spreadsheet export of a Wagtail admin listing is recorded in the audit log.

Wagtail's listings (``ModelViewSet``, ``SnippetViewSet``) export through
``SpreadsheetExportMixin.as_spreadsheet(queryset, format)``: wrapped once here, so each
export (CSV or XLSX) is one row of the log with the model, the number of rows and the names
of the filters, whichever app's listing it comes from.
"""

from functools import wraps

from wagtail.admin.views.mixins import SpreadsheetExportMixin


def exports_journaliser():
    original = SpreadsheetExportMixin.as_spreadsheet
    if getattr(original, "_journalise", False):
        return

    @wraps(original)
    def as_spreadsheet(self, queryset, spreadsheet_format):
        from .services import Action, acces_journaliser

        reponse = original(self, queryset, spreadsheet_format)
        request = getattr(self, "request", None)
        if request is not None and getattr(request.user, "is_authenticated", False):
            acces_journaliser(
                request=request,
                action=Action.EXPORT,
                objets=queryset,
                motif=f"Export {spreadsheet_format.upper()}",
            )
        return reponse

    as_spreadsheet._journalise = True
    SpreadsheetExportMixin.as_spreadsheet = as_spreadsheet
