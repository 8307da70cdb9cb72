from django.urls import path

from . import views

app_name = "investments"
urlpatterns = [
    path("projects/", views.project_list, name="list"),
    path("projects/download.<str:file_format>", views.project_export, name="export"),
    path("projects/<slug:slug>/", views.project_detail, name="detail"),
]
