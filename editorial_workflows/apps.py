from django.apps import AppConfig


class EditorialWorkflowsConfig(AppConfig):
    name = "editorial_workflows"
    verbose_name = "Quy trình duyệt nội dung"

    def ready(self):
        from . import signal_handlers

        signal_handlers.register()
        signal_handlers.silence_wagtail_workflow_emails()
