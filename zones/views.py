from django.shortcuts import render

from .models import Site


def home(request):
    sites = Site.objects.public().top_level()
    return render(request, "zones/home.html", {"sites": sites})
