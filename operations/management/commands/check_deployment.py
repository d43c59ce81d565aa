"""`manage.py check_deployment URL`: the deployment guide's checklist, over HTTP.

Prints one row per check (operations/deployment_checks.py) and exits non-zero
when any row fails, so a deploy script or CI can stop on it.
"""

from django.core.management.base import BaseCommand, CommandError

from operations.deployment_checks import format_table, run_checks


class Command(BaseCommand):
    # It only speaks HTTP to the site: runs from any machine, with no database.
    requires_system_checks = []
    help = (
        "Run the deployment guide's post-deployment checks against a live site "
        "(e.g. https://courses.example.com) and print a pass/fail table."
    )

    def add_arguments(self, parser):
        parser.add_argument("base_url")
        parser.add_argument(
            "--cors-origin",
            default=None,
            help="An origin listed in CORS_ALLOWED_ORIGINS: the API must allow it.",
        )
        parser.add_argument(
            "--timeout", type=float, default=10, help="Seconds per request."
        )
        parser.add_argument(
            "--rate-limit-attempts",
            type=int,
            default=70,
            help="At most this many autocomplete requests to meet the limit.",
        )

    def handle(self, *args, base_url, **options):
        if base_url.startswith("http://"):
            self.stdout.write(
                "Plain http: requests carry X-Forwarded-Proto: https, as a "
                "TLS-terminating proxy in front of the site would.\n"
            )
        try:
            rows = run_checks(
                base_url,
                allowed_origin=options["cors_origin"],
                timeout=options["timeout"],
                rate_limit_attempts=options["rate_limit_attempts"],
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(format_table(rows))
        failed = [r.check for r in rows if r.failed]
        if failed:
            raise CommandError(f"{len(failed)} check(s) failed: {', '.join(failed)}")
        self.stdout.write(self.style.SUCCESS(f"\nAll {len(rows)} checks passed."))
