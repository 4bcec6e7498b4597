"""Verifications record the women's organisation on whose behalf they were given."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('charter', '0001_initial'),
        ('core', '0006_members_roles_organisations_join_requests'),
    ]

    operations = [
        migrations.AddField(
            model_name='verification',
            name='organization',
            field=models.ForeignKey(blank=True, help_text="The women's organisation that verified.", null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='core.organization'),
        ),
    ]
