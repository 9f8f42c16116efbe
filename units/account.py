"""The account page ("My account"): later apps add their own sections by registering a
provider here (notifications: the e-mail switch), so `units` never imports them."""

_sections = []


def register_account_section(provider):
    """`provider(request) -> dict | None`: a context with the key `template`, the template
    the account page includes for it (with `section` set to that dict)."""
    _sections.append(provider)
    return provider


def account_sections(request) -> list[dict]:
    return [section for provider in _sections if (section := provider(request))]
