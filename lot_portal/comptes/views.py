from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def compte(request):
    """The account home: who is logged in and what they can manage."""
    return render(request, "comptes/compte.html")
