from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from common.http import portal_scheme_and_domain
from investments.models import Project
from zones.models import Organisation, Site


class PortalSitemap(Sitemap):
    """Addresses on PORTAL_ORIGIN, whatever Host the request that asked for them named."""

    i18n = True
    alternates = True
    x_default = True  # the Vietnamese page, for readers of any other language

    def get_protocol(self, protocol=None):
        return portal_scheme_and_domain()[0]

    def get_domain(self, site=None):
        return portal_scheme_and_domain()[1]


class StaticPagesSitemap(PortalSitemap):
    def items(self):
        return ["zones:home", "zones:list", "investments:list", "zones:documents", "sources"]

    def location(self, item):
        return reverse(item)


class SiteSitemap(PortalSitemap):
    def items(self):
        return Site.objects.public().order_by("pk")

    def lastmod(self, site):
        return site.updated_at


class ProjectSitemap(PortalSitemap):
    def items(self):
        return Project.objects.public().order_by("pk")

    def lastmod(self, project):
        return project.updated_at


class OrganisationSitemap(PortalSitemap):
    def items(self):
        return Organisation.objects.order_by("pk")


SITEMAPS = {
    "pages": StaticPagesSitemap,
    "sites": SiteSitemap,
    "projects": ProjectSitemap,
    "organisations": OrganisationSitemap,
}
