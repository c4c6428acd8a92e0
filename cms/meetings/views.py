from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def meeting_home(request):
    return render(request, "meetings/meeting_home.html", {})
