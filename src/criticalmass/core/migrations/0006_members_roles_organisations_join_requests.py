"""Members: several platform roles per account (RoleGrant, from the old single `role`), a public slug
that is never the login name, notice preferences and language, the mark of a former member,
organisations' kinds and memberships, and requests to join."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps
from django.utils.text import slugify


def roles_and_slugs_from_the_old_fields(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    """Each account keeps its role as a grant; each gets a slug from its display
    name, or `member-<id>` when it has none: login names never become public addresses."""
    User = apps.get_model("core", "User")
    RoleGrant = apps.get_model("core", "RoleGrant")
    taken: set[str] = set()
    for user in User.objects.order_by("pk"):
        if user.role:
            RoleGrant.objects.get_or_create(user=user, role=user.role)
        base = slugify(user.display_name)[:100] or f"member-{user.pk}"
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        taken.add(slug)
        User.objects.filter(pk=user.pk).update(slug=slug)


def roles_back_to_the_old_field(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    """Going back keeps one role per account: the first granted."""
    User = apps.get_model("core", "User")
    RoleGrant = apps.get_model("core", "RoleGrant")
    for grant in RoleGrant.objects.order_by("-granted_at"):
        User.objects.filter(pk=grant.user_id).update(role=grant.role)


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0005_data_version'),
    ]

    operations = [
        migrations.AlterModelManagers(name='user', managers=[]),
        migrations.AddField(
            model_name='user',
            name='slug',
            field=models.SlugField(blank=True, help_text="The member's public address; never the login name.", max_length=120, null=True, unique=True),
        ),
        migrations.AddField(
            model_name='user',
            name='deleted_at',
            field=models.DateTimeField(blank=True, help_text='When the member deleted their data; shown as a former member.', null=True),
        ),
        migrations.AddField(
            model_name='user',
            name='language',
            field=models.CharField(choices=[('en', 'English'), ('fr', 'Français'), ('es', 'Español'), ('ar', 'العربية')], default='en', help_text='The language of mails and, later, of the pages.', max_length=8),
        ),
        migrations.AddField(
            model_name='user',
            name='notify_reminders',
            field=models.BooleanField(default=True, help_text='Reminders of reporting deadlines.'),
        ),
        migrations.AddField(
            model_name='user',
            name='notify_reviews',
            field=models.BooleanField(default=True, help_text='Notices of reports awaiting verification.'),
        ),
        migrations.AlterField(
            model_name='organization',
            name='kind',
            field=models.CharField(choices=[('government', 'Government'), ('military_police', 'Military or police'), ('intergovernmental', 'UN or regional body'), ('civil_society', 'Civil society'), ('womens_organization', "Women's organisation"), ('business', 'Business'), ('academic', 'Academic'), ('youth_club', 'Youth club'), ('other', 'Other')], default='other', max_length=30),
        ),
        migrations.CreateModel(
            name='JoinRequest',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('champion', 'Champion (partner)'), ('womens_organization', "Women's organisation (reviewer)"), ('advocate', 'Grassroots advocate'), ('youth', 'University or youth club')], max_length=30)),
                ('proposed_organization', models.CharField(blank=True, max_length=300)),
                ('proposed_kind', models.CharField(blank=True, choices=[('government', 'Government'), ('military_police', 'Military or police'), ('intergovernmental', 'UN or regional body'), ('civil_society', 'Civil society'), ('womens_organization', "Women's organisation"), ('business', 'Business'), ('academic', 'Academic'), ('youth_club', 'Youth club'), ('other', 'Other')], max_length=30)),
                ('languages', models.CharField(max_length=200)),
                ('why', models.TextField(max_length=2000)),
                ('status', models.CharField(choices=[('pending', 'Waiting for the secretariat'), ('approved', 'Approved'), ('declined', 'Declined')], default='pending', max_length=10)),
                ('reason', models.TextField(blank=True, help_text='Why it was declined; told to them.', max_length=2000)),
                ('requested_at', models.DateTimeField(auto_now_add=True)),
                ('decided_at', models.DateTimeField(blank=True, null=True)),
                ('country', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to='core.country')),
                ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('organization', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='join_requests', to='core.organization')),
                ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='join_request', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['-requested_at'],
            },
        ),
        migrations.CreateModel(
            name='Membership',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('position', models.CharField(choices=[('member', 'Member'), ('focal_point', 'Focal point'), ('head', 'Head')], default='member', max_length=20)),
                ('since', models.DateTimeField(auto_now_add=True)),
                ('organization', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='memberships', to='core.organization')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='memberships', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['organization__name', 'user_id'],
            },
        ),
        migrations.AddField(
            model_name='organization',
            name='members',
            field=models.ManyToManyField(related_name='organizations', through='core.Membership', to=settings.AUTH_USER_MODEL),
        ),
        migrations.CreateModel(
            name='RoleGrant',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('role', models.CharField(choices=[('secretariat', 'Secretariat'), ('partner', 'Partner'), ('advocate', 'Advocate'), ('reviewer', 'Reviewer'), ('visitor', 'Visitor')], max_length=20)),
                ('granted_at', models.DateTimeField(auto_now_add=True)),
                ('granted_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='role_grants', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['user_id', 'role'],
            },
        ),
        migrations.AddConstraint(
            model_name='membership',
            constraint=models.UniqueConstraint(fields=('user', 'organization'), name='one_membership_per_org'),
        ),
        migrations.AddConstraint(
            model_name='rolegrant',
            constraint=models.UniqueConstraint(fields=('user', 'role'), name='one_grant_per_role'),
        ),
        migrations.RunPython(roles_and_slugs_from_the_old_fields, roles_back_to_the_old_field),
        migrations.RemoveField(
            model_name='user',
            name='role',
        ),
    ]
