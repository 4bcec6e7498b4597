from django.apps import AppConfig


class ParityConfig(AppConfig):
    name = "criticalmass.parity"
    label = "parity"
    verbose_name = "Parity: processes, observations, targets"

    def ready(self) -> None:
        # The pages cache sums over every peace operation; which processes are operations is decided
        # here, so a saved or deleted process makes them recompute. (Imports change the observations'
        # count, last id or the source's import time, which the cache key reads; see queries.data_version.)
        from django.db.models.signals import post_delete, post_save

        from criticalmass.parity import queries
        from criticalmass.parity.models import Process

        def forget(**kwargs: object) -> None:
            queries.bump_generation()

        post_save.connect(forget, sender=Process, weak=False, dispatch_uid="parity-process-saved")
        post_delete.connect(forget, sender=Process, weak=False, dispatch_uid="parity-process-deleted")
