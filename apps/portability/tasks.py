from celery import shared_task

from apps.portability import services


@shared_task(acks_late=True)
def build_export(export_id: int) -> None:
    services.export_build(export_id=export_id)


@shared_task
def purge_expired_exports() -> int:
    return services.exports_purge()
