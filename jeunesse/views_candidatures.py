"""Applicant side of an application (being written by the « candidatures » area)."""

from django.http import Http404


def candidature(request, reference):
    raise Http404


def recepisse(request, reference):
    raise Http404
