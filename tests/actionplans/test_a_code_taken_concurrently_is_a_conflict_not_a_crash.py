import pytest

from clusterdev.actionplans import services
from clusterdev.actionplans.models import Activity
from tests.actionplans.helpers import add_activity

pytestmark = pytest.mark.django_db


def test_saving_a_duplicate_code_without_the_check_is_a_conflict(initiative_a):
    plan = services.new_version(initiative_a)
    add_activity(plan, "A1")
    with pytest.raises(services.Conflict, match="already uses the code 'A1'"):
        add_activity(plan, "A1")
    assert Activity.objects.count() == 1
