"""Tasks run by the queue's workers (`manage.py db_worker`, README "Task queue")."""

from django_tasks import task

from evaluations.certificates.printing import certificate_batch_render


@task()
def render_certificate_batch(batch_id: int) -> None:
    certificate_batch_render(batch_id=batch_id)
