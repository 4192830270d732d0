import doctest

from clusterdev.initiatives import dates


def test_date_doctests_pass():
    result = doctest.testmod(dates)
    assert result.attempted and result.failed == 0
