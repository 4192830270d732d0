from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from clusterdev.actionplans import choices, services
from clusterdev.actionplans.forms import facility_problems
from clusterdev.actionplans.models import (
    NETWORK_MEMBERS,
    SPV,
    ActionPlan,
    Activity,
    ActivityProgress,
    CommonFacility,
    EnterpriseNetwork,
    PlanReview,
)
from clusterdev.diagnostics.models import Constraint
from clusterdev.initiatives import permissions as perms
from clusterdev.initiatives.models import Initiative


class Locked(Exception):
    """Raised from validation when the plan version is read-only (the view answers 409)."""


class ScopedFields:
    """Related fields offer only rows of initiatives the requesting user may read privately,
    so an id from another initiative is "does not exist", never a hint about its content."""

    scoped: dict = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is None:
            return
        private = perms.private(request.user)
        for name, scope in self.scoped.items():
            field = self.fields[name]
            target = getattr(field, "child_relation", field)
            target.queryset = scope(private)


class PlanReviewSerializer(serializers.ModelSerializer):
    reviewer = serializers.StringRelatedField()

    class Meta:
        model = PlanReview
        fields = ["id", "plan", "reviewer", "decision", "reason", "created"]


class PlanTargetSerializer(serializers.Serializer):
    family = serializers.CharField()
    min_percent = serializers.DecimalField(max_digits=5, decimal_places=2, allow_null=True)
    max_percent = serializers.DecimalField(max_digits=5, decimal_places=2, allow_null=True)
    source = serializers.CharField()


class ActionPlanSerializer(ScopedFields, serializers.ModelSerializer):
    """A plan version. Create = start the next version (a copy of the latest)."""

    scoped = {"initiative": lambda private: Initiative.objects.filter(pk__in=private)}

    version = serializers.IntegerField(read_only=True)
    status = serializers.CharField(read_only=True)
    reviews = PlanReviewSerializer(many=True, read_only=True)
    total_budget_inr = serializers.SerializerMethodField()
    private_share = serializers.SerializerMethodField()
    private_share_target = serializers.SerializerMethodField()
    private_share_position = serializers.SerializerMethodField()

    class Meta:
        model = ActionPlan
        fields = [
            "id", "initiative", "version", "status", "note", "reviews", "total_budget_inr",
            "private_share", "private_share_target", "private_share_position", "created",
        ]  # fmt: skip

    def _summary(self, plan):
        cache = self.context.setdefault("_summaries", {})
        if plan.pk not in cache:
            cache[plan.pk] = services.summarise(plan.initiative, plan, list(plan.activities.all()))
        return cache[plan.pk]

    def get_total_budget_inr(self, plan) -> str:
        return f"{self._summary(plan).total:.2f}"

    def get_private_share(self, plan) -> str | None:
        share = self._summary(plan).private_share
        return None if share is None else f"{share}"

    @staticmethod
    def _target_dict(target):
        if target is None:
            return None
        return {
            "family": target.family,
            "min_percent": target.low,
            "max_percent": target.high,
            "source": target.source,
        }

    @extend_schema_field(PlanTargetSerializer(allow_null=True))
    def get_private_share_target(self, plan) -> PlanTargetSerializer | None:
        target = self._summary(plan).target
        return PlanTargetSerializer(self._target_dict(target)).data if target else None

    def get_private_share_position(self, plan) -> str | None:
        """below, within or above the target (a warning, not a refusal); null without one."""
        return self._summary(plan).position


class NewPlanVersionSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, default="")


class PlanReviewInputSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=choices.Decision.choices)
    reason = serializers.CharField(required=False, allow_blank=True, default="")

    def validate(self, attrs):
        if attrs["decision"] == choices.Decision.RETURNED and not attrs["reason"].strip():
            raise serializers.ValidationError({"reason": "Say why the plan is returned."})
        return attrs


class ActivitySerializer(ScopedFields, serializers.ModelSerializer):
    scoped = {
        "plan": lambda private: ActionPlan.objects.filter(initiative__in=private),
        "constraints": lambda private: Constraint.objects.filter(initiative__in=private),
    }
    code = serializers.CharField(
        max_length=20, required=False, allow_blank=True, help_text="Empty: the next free code"
    )
    constraints = serializers.PrimaryKeyRelatedField(
        many=True, required=False, queryset=Constraint.objects.all()
    )

    class Meta:
        model = Activity
        fields = [
            "id", "plan", "code", "title", "description", "constraints", "budget_inr",
            "start_date", "end_date", "responsible", *choices.SHARE_FIELDS, "scheme_name",
        ]  # fmt: skip
        # (plan, code) is unique: checked by services.activity_problems, with a clear message,
        # so that an empty code can be filled in with the next free one.
        validators: list = []

    def validate(self, attrs):
        plan = attrs.get("plan") or self.instance.plan
        if self.instance is not None and attrs.get("plan", plan) != self.instance.plan:
            raise serializers.ValidationError({"plan": "An activity cannot move to another plan."})
        if plan.locked:
            raise Locked(str(services.PlanLocked(plan)))
        merged = {}
        if self.instance is not None:
            merged = {name: getattr(self.instance, name) for name in services.FIELDS}
            merged["constraints"] = list(self.instance.constraints.all())
        merged.update(attrs)
        problems = services.activity_problems(plan, merged, self.instance)
        if problems:
            raise serializers.ValidationError(problems)
        return attrs


class ActivityProgressSerializer(ScopedFields, serializers.ModelSerializer):
    scoped = {"activity": lambda private: Activity.objects.filter(plan__initiative__in=private)}

    class Meta:
        model = ActivityProgress
        fields = ["id", "activity", "date", "percent_complete", "spent_inr", "note"]

    def validate(self, attrs):
        merged = {}
        if self.instance is not None:
            merged = {f: getattr(self.instance, f) for f in ("activity", "date")}
        merged.update(attrs)
        problems = services.progress_problems(merged, self.instance)
        if problems:
            raise serializers.ValidationError(problems)
        return attrs


class CommonFacilitySerializer(ScopedFields, serializers.ModelSerializer):
    scoped = {"initiative": lambda private: Initiative.objects.filter(pk__in=private)}

    class Meta:
        model = CommonFacility
        fields = [
            "id", "initiative", "name", "services", "cost_inr", "grant_inr", "status",
            "opened_on", "users_per_month",
        ]  # fmt: skip

    def validate(self, attrs):
        merged = {}
        if self.instance is not None:
            merged = {
                f: getattr(self.instance, f)
                for f in ("cost_inr", "grant_inr", "status", "opened_on")
            }
        merged.update(attrs)
        problems = facility_problems(merged)
        if problems:
            raise serializers.ValidationError(problems)
        return attrs


class SPVSerializer(ScopedFields, serializers.ModelSerializer):
    scoped = {
        "initiative": lambda private: Initiative.objects.filter(pk__in=private),
        "facility": lambda private: CommonFacility.objects.filter(initiative__in=private),
    }

    class Meta:
        model = SPV
        fields = [
            "id", "initiative", "name", "legal_form", "registered_on", "members",
            "equity_notes", "facility",
        ]  # fmt: skip

    def validate(self, attrs):
        initiative = attrs.get("initiative") or (self.instance and self.instance.initiative)
        facility = attrs.get("facility", self.instance.facility if self.instance else None)
        if (
            facility is not None
            and initiative is not None
            and facility.initiative_id != initiative.pk
        ):
            raise serializers.ValidationError(
                {"facility": "The facility belongs to another initiative."}
            )
        return attrs


class EnterpriseNetworkSerializer(ScopedFields, serializers.ModelSerializer):
    scoped = {"initiative": lambda private: Initiative.objects.filter(pk__in=private)}

    members = serializers.IntegerField(
        min_value=choices.NETWORK_MIN_MEMBERS,
        max_value=choices.NETWORK_MAX_MEMBERS,
        error_messages={
            "min_value": NETWORK_MEMBERS[0].message,
            "max_value": NETWORK_MEMBERS[1].message,
        },
    )

    class Meta:
        model = EnterpriseNetwork
        fields = ["id", "initiative", "name", "purpose", "members", "formed_on"]


class PlanChangeSerializer(serializers.Serializer):
    field = serializers.CharField()
    before = serializers.JSONField(allow_null=True)
    after = serializers.JSONField(allow_null=True)


class ChangedActivitySerializer(serializers.Serializer):
    code = serializers.CharField()
    title = serializers.CharField()
    changes = PlanChangeSerializer(many=True)


class CompareActivitySerializer(serializers.Serializer):
    code = serializers.CharField()
    title = serializers.CharField()
    budget_inr = serializers.DecimalField(max_digits=14, decimal_places=2)


class PlanComparisonSerializer(serializers.Serializer):
    version_a = serializers.IntegerField()
    version_b = serializers.IntegerField()
    added = CompareActivitySerializer(many=True)
    removed = CompareActivitySerializer(many=True)
    changed = ChangedActivitySerializer(many=True)
    unchanged = serializers.IntegerField()
    total_before_inr = serializers.DecimalField(max_digits=16, decimal_places=2)
    total_after_inr = serializers.DecimalField(max_digits=16, decimal_places=2)
    total_change_inr = serializers.DecimalField(max_digits=16, decimal_places=2)


class PlanConflictSerializer(serializers.Serializer):
    detail = serializers.CharField()
