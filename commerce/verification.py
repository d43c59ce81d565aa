"""Has the learner verified their email? Asks accounts, the owner of that rule."""


def has_verified_email(user):
    try:
        from accounts.verification import has_verified_email as accounts_rule
    except ImportError:  # accounts' module not there: allauth's own record
        from allauth.account.models import EmailAddress

        return (
            user.is_authenticated
            and EmailAddress.objects.filter(user=user, verified=True).exists()
        )
    return accounts_rule(user)
