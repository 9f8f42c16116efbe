from datetime import date

from pledges import services


def sign(pledge, user, unit, name="Nguyễn Văn An"):
    """`user` signs `pledge` for `unit` in the browser's way (the leader's own signature)."""
    return services.pledge_sign(
        pledge=pledge,
        actor=user,
        unit=unit,
        signatory_name=name,
        position="Chánh Thanh tra",
        signed_on=date(2025, 3, 11),
    )
