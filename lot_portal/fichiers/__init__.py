"""Uploads checked from their content, for every app (issue #9).

Three modules, imported directly (this package imports nothing, so ``lot_portal.cms.images``
can use ``signatures`` without a circular import):

- ``signatures``: what a file really is, from its first bytes (never its name or the type the
  browser declares), executables, active markup hidden in an image or a PDF (polyglots), the
  checks of a PDF, and a clean original name to show;
- ``pieces``: ``piece_nettoyer`` (PDF, JPEG or PNG attachments, images re-encoded) and
  ``reponse_telechargement`` (a stored private file streamed as an attachment, ``nosniff``);
- ``wagtail``: the base forms of the Wagtail admin's images and documents
  (``WAGTAILIMAGES_IMAGE_FORM_BASE``, ``WAGTAILDOCS_DOCUMENT_FORM_BASE``).

Where accepted files live:

- **private** (storage ``"prive"``, outside ``MEDIA_ROOT``, never under a URL): newcomers'
  CVs (``accueil.CurriculumVitae``) and youth attachments (``jeunesse.PieceJointe``: pieces,
  parental authorisations, reports). Random names (uuid / token), the original name kept as
  text only; streamed by views that check who asks, as ``attachment`` with ``nosniff``;
- **public** (``MEDIA_ROOT``): images meant to be shown (ambassador photos and story images,
  partner offer photos, youth project journal photos). They are decoded and re-encoded by
  Pillow (``lot_portal.cms.images.image_nettoyer``: metadata stripped, trailing bytes gone)
  under random names; staff images and documents uploaded in the Wagtail admin are checked by
  content, and documents are only served by Wagtail's view as attachments (``nosniff`` and
  ``Content-Security-Policy: default-src 'none'``), never from ``/media/documents/``.
"""
