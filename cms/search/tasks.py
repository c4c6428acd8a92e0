from django_tasks import task


@task()
def retry_pending_index_task():
    from .pending import retry_pending

    done, left = retry_pending()
    return {"done": done, "left": left}
