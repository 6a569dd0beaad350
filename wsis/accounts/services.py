"""Writes to organisations, users and roles: validated, permission-checked, atomic and audited."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction

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


@dataclass
class VoterRegistration:
    """The outcome of a sign-up. The page answers the same in every case; only the message sent to
    the address differs, so that nobody learns from the page which names and addresses have accounts."""

    user: User | None  # the new account
    existing: User | None = None  # the account that already has this e-mail address
    username_taken: bool = False


def voter_register(*, username: str, email: str, password: str, language: str = "") -> VoterRegistration:
    """A public account for voting; it can vote once its e-mail address is confirmed. When the address
    or the name is in use, no account is made and the caller tells the address's owner by e-mail."""
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError as DjangoValidationError
    from django.core.validators import validate_email

    username, email = username.strip(), email.strip()
    errors = []
    if not username:
        errors.append(ErrorItem("required", "Choose a user name.", field="username"))
    try:
        validate_email(email)
    except DjangoValidationError:
        errors.append(ErrorItem("invalid", "Give a valid e-mail address.", field="email"))
    try:
        validate_password(password, User(username=username, email=email))
    except DjangoValidationError as exc:
        errors += [ErrorItem("weak_password", m, field="password") for m in exc.messages]
    if errors:
        raise ValidationFailed(errors)
    existing = User.objects.filter(email__iexact=email).order_by("pk").first()
    taken = User.objects.filter(username__iexact=username).exists()
    if existing is not None or taken:
        make_password(password)  # the same work as a sign-up, so that timing does not tell either
        return VoterRegistration(user=None, existing=existing, username_taken=taken)
    try:
        with transaction.atomic():
            user = User(username=username, email=email, preferred_language=language)
            user.set_password(password)
            user.save()
            audit(actor=user, verb="user.register", target=user, after={"username": user.username})
    except IntegrityError:  # the same name registered a moment ago
        return VoterRegistration(user=None, username_taken=True)
    return VoterRegistration(user=user)


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
            audit(actor=user, verb="user.confirm_email", target=user)
    return user


ORG_FIELDS = ("name", "acronym", "kind", "membership", "website", "identifier")


def organisation_to_data(org: Organisation) -> dict:
    return {"name": org.name, "acronym": org.acronym, "kind": org.kind, "membership": org.membership,
            "website": org.website, "identifier": org.identifier,
            "economy": org.economy.iso3 if org.economy_id else None, "region": org.region.code if org.region_id else None,
            "contacts": [{"name": c.name, "position": c.position, "email": c.email, "phone": c.phone}
                         for c in org.contacts.all()]}


def organisation_update(*, actor, organisation: Organisation, data: dict) -> Organisation:
    """Change an organisation's identity, membership category and contacts (the whole list is replaced)."""
    from django.core.exceptions import ValidationError as DjangoValidationError
    from django.core.validators import validate_email

    from wsis.accounts.models import Contact, ItuMembership

    # The reference models through the relations declared on Organisation (reference is the layer above).
    Economy, Group = Organisation.economy.field.related_model, Organisation.region.field.related_model

    if not permissions.can_organisation_create(actor):
        raise PermissionDenied("Only BDT administrators may change organisations.")
    errors = []
    d = {f: (data.get(f, getattr(organisation, f)) or "") for f in ORG_FIELDS}
    d = {k: v.strip() if isinstance(v, str) else v for k, v in d.items()}
    d["identifier"] = d["identifier"] or None
    if not d["name"]:
        errors.append(ErrorItem("required", "A name is required.", field="name"))
    if d["kind"] not in OrganisationKind.values:
        errors.append(ErrorItem("invalid_choice", f"Unknown stakeholder type {d['kind']!r}.", field="kind"))
    if d["membership"] and d["membership"] not in ItuMembership.values:
        errors.append(ErrorItem("invalid_choice", f"Unknown ITU membership category {d['membership']!r}.",
                                field="membership"))
    if d["identifier"] and Organisation.objects.filter(identifier=d["identifier"]).exclude(pk=organisation.pk).exists():
        errors.append(ErrorItem("duplicate", f"Another organisation has the identifier {d['identifier']}; merge them.",
                                field="identifier"))
    if Organisation.objects.filter(name=d["name"], kind=d["kind"]).exclude(pk=organisation.pk).exists():
        errors.append(ErrorItem("duplicate", "Another organisation has this name and type; merge them.", field="name"))
    for key, model, field in (("economy", Economy, "iso3"), ("region", Group, "code")):
        if key in data:
            code = data[key] or None
            value = model.objects.filter(**{field: code}).first() if code else None
            if code and value is None:
                errors.append(ErrorItem("unknown_code", f"Unknown {key} {code!r}.", field=key))
            d[key] = value
    contacts = data.get("contacts")
    for i, c in enumerate(contacts or []):
        if not (c.get("name") or "").strip():
            errors.append(ErrorItem("required", "A contact needs a name.", field=f"contacts[{i}].name"))
        if c.get("email"):
            try:
                validate_email(c["email"])
            except DjangoValidationError:
                errors.append(ErrorItem("invalid", f"{c['email']!r} is not an e-mail address.",
                                        field=f"contacts[{i}].email"))
    if errors:
        raise ValidationFailed(errors)
    with transaction.atomic():
        before = organisation_to_data(organisation)
        for k, v in d.items():
            setattr(organisation, k, v)
        organisation.save()
        if contacts is not None:
            organisation.contacts.all().delete()
            Contact.objects.bulk_create([Contact(organisation=organisation, name=c["name"].strip()[:200],
                                                 position=(c.get("position") or "")[:200], email=c.get("email") or "",
                                                 phone=(c.get("phone") or "")[:40]) for c in contacts])
        audit(actor=actor, verb="organisation.update", target=organisation, before=before,
              after=organisation_to_data(organisation))
    return organisation


def organisation_merge(*, actor, keep: Organisation, duplicate: Organisation) -> dict:
    """Move every link of `duplicate` to `keep`, then delete `duplicate`; returns the links moved per relation.

    Relations are found from the model graph, so links added by any module move too. A link `keep`
    already has (the same activity and role, say) is kept once.
    """
    from django.db import IntegrityError

    if not permissions.can_organisation_create(actor):
        raise PermissionDenied("Only BDT administrators may merge organisations.")
    if keep.pk == duplicate.pk:
        raise ValidationFailed([ErrorItem("invalid", "An organisation cannot be merged into itself.", field="duplicate")])
    moved: dict[str, int] = {}
    with transaction.atomic():
        before = {"keep": organisation_to_data(keep), "duplicate": {**organisation_to_data(duplicate),
                                                                     "id": duplicate.pk}}
        for rel in Organisation._meta.get_fields():
            if rel.auto_created and not rel.concrete and (rel.one_to_many or rel.one_to_one):
                model, field = rel.related_model, rel.field.name
                label = f"{model._meta.label_lower}.{field}"
                for obj in model._default_manager.filter(**{field: duplicate}):
                    try:
                        with transaction.atomic():
                            model._default_manager.filter(pk=obj.pk).update(**{field: keep})
                    except IntegrityError:
                        obj.delete()  # the same link exists on `keep`
                    moved[label] = moved.get(label, 0) + 1
            elif rel.many_to_many and rel.auto_created and rel.through._meta.auto_created:
                accessor = rel.get_accessor_name()
                manager = getattr(duplicate, accessor)
                objs = list(manager.all())
                if objs:
                    getattr(keep, accessor).add(*objs)
                    manager.clear()
                    moved[f"{rel.related_model._meta.label_lower}.{accessor}"] = len(objs)
        for f in ("acronym", "website", "membership"):
            if not getattr(keep, f) and getattr(duplicate, f):
                setattr(keep, f, getattr(duplicate, f))
        ident = duplicate.identifier
        if keep.economy_id is None:
            keep.economy_id = duplicate.economy_id
        if keep.region_id is None:
            keep.region_id = duplicate.region_id
        duplicate.delete()
        if not keep.identifier and ident:
            keep.identifier = ident
        keep.save()
        audit(actor=actor, verb="organisation.merge", target=keep, before=before,
              after={"keep": organisation_to_data(keep), "moved": moved})
    return moved
