from django.apps import AppConfig


class ParityConfig(AppConfig):
    name = "criticalmass.parity"
    label = "parity"
    verbose_name = "Parity: processes, observations, targets"

    def ready(self) -> None:
        # The pages cache their figures per data version (core.data_version): a process, a policy, its
        # anchors or the data age policy saved or deleted outside an import makes a new one; so does an
        # observation saved one by one. Observations' deletes are not watched: a delete receiver would
        # stop Django from deleting them in bulk (they leave with their process, or by a re-import).
        from criticalmass.core import data_version
        from criticalmass.parity.models import DataAgePolicy, Observation, Process, TargetAnchor, TargetPolicy

        data_version.watch(Process, TargetPolicy, TargetAnchor, DataAgePolicy)
        data_version.watch(Observation, deletes=False)
