"""Writes to organisations, users and roles: validated, permission-checked, atomic and audited."""

from django.db import transaction

from wsis.accounts import permissions
from wsis.accounts.models import Organisation, OrganisationKind, Role, RoleAssignment, User
from wsis.core.audit import audit
from wsis.core.errors import ErrorItem, PermissionDenied, ValidationFailed

# Roles that only make sense inside a scope.
ROLE_NEEDS = {Role.FOCAL_POINT: "economy", Role.REGIONAL_OFFICER: "region"}


def organisation_create(
    *, actor, name: str, kind: str, acronym: str = "", economy=None, region=None, website: str = "", is_demo: bool = False
) -> Organisation:
    if not permissions.can_organisation_create(actor):
        raise PermissionDenied("Only BDT administrators may create organisations.")
    errors = []
    if not name.strip():
        errors.append(ErrorItem("required", "A name is required.", field="name"))
    if kind not in OrganisationKind.values:
        errors.append(ErrorItem("invalid_choice", f"Unknown organisation kind {kind!r}.", field="kind"))
    if region is not None and region.kind != "itu_region":
        errors.append(ErrorItem("invalid_choice", f"{region.code} is not an ITU region.", field="region"))
    if errors:
        raise ValidationFailed(errors)
    with transaction.atomic():
        org = Organisation.objects.create(
            name=name.strip(), kind=kind, acronym=acronym, economy=economy, region=region, website=website,
            is_demo=is_demo,
        )
        audit(actor=actor, verb="organisation.create", target=org, after={"name": org.name, "kind": kind})
    return org


def user_create(
    *, actor, username: str, email: str = "", organisation: Organisation | None = None, password: str | None = None,
    is_staff: bool = False, is_demo: bool = False, first_name: str = "", last_name: str = "",
) -> User:
    if not permissions.is_bdt_admin(actor):
        raise PermissionDenied("Only BDT administrators may create accounts.")
    if not username.strip():
        raise ValidationFailed([ErrorItem("required", "A user name is required.", field="username")])
    if User.objects.filter(username=username).exists():
        raise ValidationFailed([ErrorItem("duplicate", f"User name {username!r} is taken.", field="username")])
    with transaction.atomic():
        user = User(
            username=username, email=email, organisation=organisation, is_staff=is_staff, is_demo=is_demo,
            first_name=first_name, last_name=last_name,
        )
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save()
        audit(actor=actor, verb="user.create", target=user,
              after={"username": username, "organisation": organisation.pk if organisation else None})
    return user


def role_grant(*, actor, user: User, role: str, economy=None, region=None) -> RoleAssignment:
    errors = []
    if role not in Role.values:
        errors.append(ErrorItem("invalid_choice", f"Unknown role {role!r}.", field="role"))
    needs = ROLE_NEEDS.get(role)
    if needs == "economy" and economy is None:
        errors.append(ErrorItem("required", "A focal point is named for an economy.", field="economy"))
    if needs == "region" and region is None:
        errors.append(ErrorItem("required", "A regional officer is named for a region.", field="region"))
    if economy is not None and region is not None:
        errors.append(ErrorItem("invalid", "A role has one scope: an economy or a region, not both.", field="region"))
    if region is not None and region.kind != "itu_region":
        errors.append(ErrorItem("invalid_choice", f"{region.code} is not an ITU region.", field="region"))
    if role == Role.BDT_ADMIN and (economy is not None or region is not None):
        errors.append(ErrorItem("invalid", "The BDT administrator role is global.", field="role"))
    if errors:
        raise ValidationFailed(errors)
    if not permissions.can_role_grant(actor, role=role, region=region):
        raise PermissionDenied("You may not grant this role in this scope.")
    with transaction.atomic():
        assignment, created = RoleAssignment.objects.get_or_create(user=user, role=role, economy=economy, region=region)
        if created:
            audit(actor=actor, verb="role.grant", target=assignment,
                  after={"user": user.username, "role": role, "economy": getattr(economy, "iso3", None),
                         "region": getattr(region, "code", None)})
        user.__dict__.pop("_role_cache", None)
    return assignment


def role_revoke(*, actor, assignment: RoleAssignment) -> None:
    if not permissions.can_role_grant(actor, role=assignment.role, region=assignment.region):
        raise PermissionDenied("You may not revoke this role.")
    with transaction.atomic():
        audit(actor=actor, verb="role.revoke", target=assignment,
              before={"user": assignment.user.username, "role": assignment.role})
        assignment.delete()


def voter_register(*, username: str, email: str, password: str, language: str = "") -> User:
    """A public account for voting; it can vote once its e-mail address is confirmed."""
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError as DjangoValidationError
    from django.core.validators import validate_email

    errors = []
    if not username.strip():
        errors.append(ErrorItem("required", "Choose a user name.", field="username"))
    elif User.objects.filter(username__iexact=username.strip()).exists():
        errors.append(ErrorItem("duplicate", "This user name is taken.", field="username"))
    try:
        validate_email(email)
    except DjangoValidationError:
        errors.append(ErrorItem("invalid", "Give a valid e-mail address.", field="email"))
    else:
        if User.objects.filter(email__iexact=email.strip()).exists():
            errors.append(ErrorItem("duplicate", "An account with this e-mail address exists.", field="email"))
    try:
        validate_password(password, User(username=username, email=email))
    except DjangoValidationError as exc:
        errors += [ErrorItem("weak_password", m, field="password") for m in exc.messages]
    if errors:
        raise ValidationFailed(errors)
    with transaction.atomic():
        user = User(username=username.strip(), email=email.strip(), preferred_language=language)
        user.set_password(password)
        user.save()
        audit(actor=user, verb="user.register", target=user, after={"username": user.username})
    return user


def email_confirmation_token(user: User) -> str:
    from django.core import signing

    return signing.TimestampSigner(salt="wsis.email-confirm").sign(f"{user.pk}:{user.email}")


def email_confirm(*, token: str, max_age_days: int = 7) -> User:
    from django.core import signing
    from django.utils import timezone

    try:
        value = signing.TimestampSigner(salt="wsis.email-confirm").unsign(token, max_age=max_age_days * 86400)
        pk, email = value.split(":", 1)
        user = User.objects.get(pk=int(pk), email=email)
    except (signing.BadSignature, ValueError, User.DoesNotExist) as exc:
        raise ValidationFailed([ErrorItem("invalid_token", "This confirmation link is invalid or has expired.")]) from exc
    if user.email_verified_at is None:
        with transaction.atomic():
            user.email_verified_at = timezone.now()
            user.save(update_fields=["email_verified_at"])
            audit(actor=user, verb="user.email_confirm", target=user)
    return user
