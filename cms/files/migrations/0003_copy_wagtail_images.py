"""Move existing images from Wagtail's own image model to ``files.ProtectedImage``.

Rows keep their ids, so StreamField image blocks (which store the id) and the
news lead images keep pointing at the same pictures. Tags, collection
permissions and reference-index rows follow; renditions are not copied
(they are made again, in the right folder, when next shown).
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.core.management.color import no_style
from django.db import migrations

FIELDS = [
    "id",
    "title",
    "file",
    "width",
    "height",
    "created_at",
    "focal_point_x",
    "focal_point_y",
    "focal_point_width",
    "focal_point_height",
    "file_size",
    "file_hash",
    "description",
    "collection_id",
    "uploaded_by_user_id",
]

PERMISSIONS = {
    "add_image": "add_protectedimage",
    "change_image": "change_protectedimage",
    "delete_image": "delete_protectedimage",
    "choose_image": "choose_protectedimage",
}


def copy_images(apps, schema_editor):
    Image = apps.get_model("wagtailimages", "Image")
    ProtectedImage = apps.get_model("files", "ProtectedImage")
    ContentType = apps.get_model("contenttypes", "ContentType")
    TaggedItem = apps.get_model("taggit", "TaggedItem")
    Permission = apps.get_model("auth", "Permission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    db = schema_editor.connection.alias

    old_type, _ = ContentType.objects.using(db).get_or_create(
        app_label="wagtailimages", model="image"
    )
    new_type, _ = ContentType.objects.using(db).get_or_create(
        app_label="files", model="protectedimage"
    )

    images = list(Image.objects.using(db).values(*FIELDS))
    ProtectedImage.objects.using(db).bulk_create(ProtectedImage(**row) for row in images)
    if images:
        # Explicit ids do not move PostgreSQL's sequence.
        with schema_editor.connection.cursor() as cursor:
            for sql in schema_editor.connection.ops.sequence_reset_sql(
                no_style(), [ProtectedImage]
            ):
                cursor.execute(sql)

    TaggedItem.objects.using(db).bulk_create(
        TaggedItem(content_type=new_type, object_id=item.object_id, tag_id=item.tag_id)
        for item in TaggedItem.objects.using(db).filter(content_type=old_type)
    )
    ReferenceIndex.objects.using(db).filter(to_content_type=old_type).update(
        to_content_type=new_type
    )

    # Editors' per-collection image permissions carry over to the new model.
    # (Permissions of new models are normally made after all migrations.)
    create_permissions(global_apps.get_app_config("files"), verbosity=0, using=db, apps=apps)
    for old_codename, new_codename in PERMISSIONS.items():
        old = Permission.objects.using(db).filter(
            content_type=old_type, codename=old_codename
        ).first()
        new = Permission.objects.using(db).filter(
            content_type=new_type, codename=new_codename
        ).first()
        if old is None or new is None:
            continue
        for grant in GroupCollectionPermission.objects.using(db).filter(permission=old):
            GroupCollectionPermission.objects.using(db).get_or_create(
                group_id=grant.group_id, collection_id=grant.collection_id, permission=new
            )


class Migration(migrations.Migration):
    dependencies = [
        ("files", "0002_protectedimage_protectedrendition"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailcore", "0098_apitoken"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(copy_images, migrations.RunPython.noop)]
