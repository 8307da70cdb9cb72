"""The list of properties gains "Domestic or foreign" (a project's: investments 0021)."""
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('zones', '0026_no_area_citations'),
    ]

    operations = [
        migrations.AlterField(
            model_name='historicalstatement',
            name='kind',
            field=models.CharField(choices=[('area', 'Area'), ('total_area', 'Total area of several sites'), ('budget_allocation', 'Budget allocated'), ('planned_investment', 'Planned total investment'), ('infrastructure_cost', 'Infrastructure cost'), ('approved_projects', 'Projects approved'), ('registered_capital', 'Registered capital'), ('capital', 'Capital'), ('output', 'Output'), ('fdi_projects', 'FDI projects among those approved'), ('clusters', 'Industrial clusters established'), ('tenants', 'Tenants'), ('operating_tenants', 'Tenants operating'), ('workers', 'Workers'), ('land_let', 'Land let'), ('revenue', 'Revenue'), ('exports', 'Exports'), ('budget_paid', 'Paid to the state budget'), ('progress', 'Progress of works'), ('operation', 'Start of operation'), ('founding', 'Founding decision'), ('developer', 'Developer'), ('investor', 'Investor'), ('origin', 'Domestic or foreign'), ('approval', 'Approval or licence'), ('sector', 'Sector'), ('capacity', 'Capacity'), ('status', 'Status'), ('distances', 'Distances'), ('gateways', 'Airport, seaport, border'), ('power', 'Power'), ('water', 'Water'), ('wastewater', 'Wastewater'), ('land_rent', 'Land rent'), ('incentives', 'Incentives'), ('manager', 'Who manages it'), ('access', 'Access: other'), ('utilities', 'Utilities: other'), ('land', 'Land and occupancy: other'), ('policy', 'Policy and incentives: other'), ('institutions', 'Institutions: other'), ('labour', 'Labour: other'), ('planning', 'Planning')], max_length=30, verbose_name='property'),
        ),
        migrations.AlterField(
            model_name='statement',
            name='kind',
            field=models.CharField(choices=[('area', 'Area'), ('total_area', 'Total area of several sites'), ('budget_allocation', 'Budget allocated'), ('planned_investment', 'Planned total investment'), ('infrastructure_cost', 'Infrastructure cost'), ('approved_projects', 'Projects approved'), ('registered_capital', 'Registered capital'), ('capital', 'Capital'), ('output', 'Output'), ('fdi_projects', 'FDI projects among those approved'), ('clusters', 'Industrial clusters established'), ('tenants', 'Tenants'), ('operating_tenants', 'Tenants operating'), ('workers', 'Workers'), ('land_let', 'Land let'), ('revenue', 'Revenue'), ('exports', 'Exports'), ('budget_paid', 'Paid to the state budget'), ('progress', 'Progress of works'), ('operation', 'Start of operation'), ('founding', 'Founding decision'), ('developer', 'Developer'), ('investor', 'Investor'), ('origin', 'Domestic or foreign'), ('approval', 'Approval or licence'), ('sector', 'Sector'), ('capacity', 'Capacity'), ('status', 'Status'), ('distances', 'Distances'), ('gateways', 'Airport, seaport, border'), ('power', 'Power'), ('water', 'Water'), ('wastewater', 'Wastewater'), ('land_rent', 'Land rent'), ('incentives', 'Incentives'), ('manager', 'Who manages it'), ('access', 'Access: other'), ('utilities', 'Utilities: other'), ('land', 'Land and occupancy: other'), ('policy', 'Policy and incentives: other'), ('institutions', 'Institutions: other'), ('labour', 'Labour: other'), ('planning', 'Planning')], max_length=30, verbose_name='property'),
        ),
    ]
