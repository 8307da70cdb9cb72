from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from investments.models import Project
from zones.models import Organisation, Site


class StaticPagesSitemap(Sitemap):
    i18n = True
    alternates = True

    def items(self):
        return ["zones:home", "zones:list", "investments:list", "sources"]

    def location(self, item):
        return reverse(item)


class SiteSitemap(Sitemap):
    i18n = True
    alternates = True

    def items(self):
        return Site.objects.order_by("pk")

    def lastmod(self, site):
        return site.updated_at


class ProjectSitemap(Sitemap):
    i18n = True
    alternates = True

    def items(self):
        return Project.objects.order_by("pk")

    def lastmod(self, project):
        return project.updated_at


class OrganisationSitemap(Sitemap):
    i18n = True
    alternates = True

    def items(self):
        return Organisation.objects.order_by("pk")


SITEMAPS = {
    "pages": StaticPagesSitemap,
    "sites": SiteSitemap,
    "projects": ProjectSitemap,
    "organisations": OrganisationSitemap,
}
