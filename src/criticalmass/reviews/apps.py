from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "criticalmass.reviews"
    label = "reviews"
    verbose_name = "Gender review: documents that move policy, reviewed before they move"

    def ready(self) -> None:
        from criticalmass.core.sections import register_section
        from criticalmass.reviews.sections import plan_reviews_section, process_reviews_section

        register_section("plan", plan_reviews_section)
        register_section("process", process_reviews_section)
