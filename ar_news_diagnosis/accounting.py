"""The accounting: where no chain makes a copy, what made each place that differs.

Each place is made again at that place by the changes of single characters,
then the other text changes, then the layout changes a copy's places show
(``table.PLACE_CHANGES``): the first that gives the copy's characters there
is counted for it.  A place none makes is not accounted for, and is listed:
a change is never counted where making it there does not give the copy's
characters, so a hand edit stays a hand edit.
"""

from .partial import made_at, widened
from .table import LOCAL_CHANGES, PLACE_CHANGES, TEXT_CHANGES

# Who may make a place, the smallest first: changes of single characters,
# then the other changes of the text, then those of layout.
ACCOUNTANTS = (
    LOCAL_CHANGES
    + [change for change in TEXT_CHANGES if not change.table]
    + list(PLACE_CHANGES)
)


def accounted(text: str, differ: list) -> "tuple[list[tuple], list[tuple]]":
    """Account each place of ``differ`` (offset, expected run, found run) to a
    change that makes it there.  Returns (change, places it made), in the
    order tried, and the places none makes, as given."""
    counts, unaccounted = {}, []
    for place, (offset, old, new) in zip(differ, widened(text, differ)):
        maker = next(
            (
                change
                for change in ACCOUNTANTS
                if made_at(((change, ()),), text, offset, old) == new
            ),
            None,
        )
        if maker is None:
            unaccounted.append(place)
        else:
            counts[maker] = counts.get(maker, 0) + 1
    order = {change: index for index, change in enumerate(ACCOUNTANTS)}
    return sorted(counts.items(), key=lambda item: order[item[0]]), unaccounted
