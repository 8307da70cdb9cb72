from django.urls import path

from . import views

app_name = "zones"
urlpatterns = [
    path("", views.home, name="home"),
    path("sites/", views.site_list, name="list"),
    path("sites/download.xlsx", views.site_export, name="export"),
    path("sites/compare/", views.compare, name="compare"),
    path("sites/<slug:slug>/", views.site_detail, name="detail"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation"),
    path("planning-documents/", views.planning_documents, name="documents"),
]
