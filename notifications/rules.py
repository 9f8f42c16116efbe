"""A notification is its recipient's alone: nobody else reads or marks it, not even a
sector administrator (the inbox says what concerns one person; the change log is where
the administrators read what happened)."""

import rules


@rules.predicate
def is_its_recipient(user, notification):
    return (
        notification is not None and user.is_authenticated and notification.recipient_id == user.pk
    )


rules.add_perm("notifications.view_notification", is_its_recipient)
rules.add_perm("notifications.change_notification", is_its_recipient)
