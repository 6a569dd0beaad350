"""The activity editor: one Django form that reads and writes the registry's interchange shape."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wsis.core.i18n import current_language
from wsis.reference.selectors import tag_choices
from wsis.stocktaking import schema


def _choices(d: dict, blank: bool = False):
    out = [(k, v) for k, v in d.items()]
    return [("", "—")] + out if blank else out


class ActivityForm(forms.Form):
    original_language = forms.ChoiceField(label=_("Original language"))
    kind = forms.ChoiceField(label=_("Kind"), choices=_choices(schema.KINDS))
    scope = forms.ChoiceField(label=_("Scope"), choices=_choices(schema.SCOPES))
    status = forms.ChoiceField(label=_("Status"), choices=_choices(schema.STATUSES))
    start_date = forms.DateField(label=_("Start date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end_date = forms.DateField(label=_("End date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    priority = forms.ChoiceField(label=_("ITU-D priority"), choices=_choices(schema.PRIORITIES, blank=True), required=False)
    primary_line = forms.ChoiceField(label=_("Primary action line"))
    other_lines = forms.MultipleChoiceField(label=_("Other action lines"), required=False,
                                            widget=forms.CheckboxSelectMultiple)
    sdg_targets = forms.MultipleChoiceField(label=_("SDG targets"), required=False,
                                            widget=forms.SelectMultiple(attrs={"size": 10}))
    matrix_justification = forms.CharField(label=_("Why targets outside the WSIS–SDG matrix apply"), required=False,
                                           widget=forms.Textarea(attrs={"rows": 2}))
    strategic_targets = forms.MultipleChoiceField(label=_("Strategic targets"), required=False,
                                                  widget=forms.SelectMultiple(attrs={"size": 6}))
    economies = forms.MultipleChoiceField(label=_("Economies"), required=False,
                                          widget=forms.SelectMultiple(attrs={"size": 8}))
    groups = forms.MultipleChoiceField(label=_("Regions and groups"), required=False,
                                       widget=forms.SelectMultiple(attrs={"size": 6}))
    beneficiary_groups = forms.MultipleChoiceField(label=_("Beneficiary groups"), required=False,
                                                   choices=_choices(schema.BENEFICIARIES),
                                                   widget=forms.CheckboxSelectMultiple)
    partners = forms.CharField(label=_("Partners"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                               help_text=_("One per line: name [role], role being implementing, funding or beneficiary."))
    budget_amount = forms.DecimalField(label=_("Budget"), required=False, min_value=0, decimal_places=2, max_digits=16)
    budget_currency = forms.CharField(label=_("Currency (ISO 4217)"), required=False, max_length=3)
    links = forms.CharField(label=_("Links"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
                            help_text=_("One web address per line."))
    contact_name = forms.CharField(label=_("Contact name"), required=False, max_length=200)
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        lang = current_language()
        self.fields["original_language"].choices = settings.LANGUAGES
        choices = tag_choices(language=lang)
        self.fields["primary_line"].choices = [("", "—")] + choices["action_lines"]
        self.fields["other_lines"].choices = choices["action_lines"]
        for name in ("sdg_targets", "strategic_targets", "economies", "groups"):
            self.fields[name].choices = choices[name]
        for code in schema.LANGUAGES:
            self.fields[f"title_{code}"] = forms.CharField(label=_("Title"), required=False, max_length=500)
            self.fields[f"summary_{code}"] = forms.CharField(label=_("Summary"), required=False,
                                                            widget=forms.Textarea(attrs={"rows": 2}))
            self.fields[f"description_{code}"] = forms.CharField(label=_("Description"), required=False,
                                                                widget=forms.Textarea(attrs={"rows": 4}))

    def language_blocks(self):
        return [(code, name, [self[f"{f}_{code}"] for f in schema.TEXT_FIELDS]) for code, name in settings.LANGUAGES]

    def to_data(self, lead: dict) -> dict:
        c = self.cleaned_data
        partners = []
        for line in (c.get("partners") or "").splitlines():
            line = line.strip()
            if not line:
                continue
            role = "implementing"
            if line.endswith("]") and "[" in line:
                line, role = line[:-1].rsplit("[", 1)
                line, role = line.strip(), role.strip().lower()
            partners.append({"name": line, "role": role})
        lines = [c["primary_line"]] + [x for x in c.get("other_lines") or [] if x != c["primary_line"]]
        return {
            "external_id": None if not self.initial.get("external_id") else self.initial["external_id"],
            "kind": c["kind"], "original_language": c["original_language"],
            "texts": {code: {f: c.get(f"{f}_{code}") or "" for f in schema.TEXT_FIELDS} for code in schema.LANGUAGES},
            "lead_organisation": lead, "partners": partners, "scope": c["scope"],
            "economies": c.get("economies") or [], "groups": c.get("groups") or [],
            "action_lines": [x for x in lines if x], "sdg_targets": c.get("sdg_targets") or [],
            "matrix_justification": c.get("matrix_justification") or "",
            "strategic_targets": c.get("strategic_targets") or [], "priority": c.get("priority") or "",
            "status": c["status"], "start_date": c.get("start_date"), "end_date": c.get("end_date"),
            "beneficiary_groups": c.get("beneficiary_groups") or [],
            "budget_amount": c.get("budget_amount"), "budget_currency": (c.get("budget_currency") or "").upper(),
            "links": [x.strip() for x in (c.get("links") or "").splitlines() if x.strip()],
            "contact_name": c.get("contact_name") or "", "contact_email": c.get("contact_email") or "",
        }

    @staticmethod
    def initial_from(data: dict) -> dict:
        init = {k: data.get(k) for k in ("kind", "original_language", "scope", "status", "start_date", "end_date",
                                         "priority", "matrix_justification", "budget_amount", "budget_currency",
                                         "contact_name", "contact_email", "external_id")}
        lines = data.get("action_lines") or []
        init.update({
            "primary_line": lines[0] if lines else "", "other_lines": lines[1:],
            "sdg_targets": data.get("sdg_targets") or [], "strategic_targets": data.get("strategic_targets") or [],
            "economies": data.get("economies") or [], "groups": data.get("groups") or [],
            "beneficiary_groups": data.get("beneficiary_groups") or [],
            "partners": "\n".join(f"{p['name']} [{p['role']}]" for p in data.get("partners") or []),
            "links": "\n".join(data.get("links") or []),
        })
        for code, t in (data.get("texts") or {}).items():
            for f in schema.TEXT_FIELDS:
                init[f"{f}_{code}"] = t.get(f, "")
        return init

    def apply_errors(self, errors) -> None:
        """Show service validation errors next to the fields they name."""
        mapping = {"action_lines": "primary_line", "lead_organisation": None}
        for e in errors:
            name = e.field or ""
            if name.startswith("texts."):
                parts = name.split(".")
                name = f"{parts[2] if len(parts) > 2 else 'title'}_{parts[1]}"
            name = mapping.get(name, name)
            if name and name in self.fields:
                self.add_error(name, e.message)
            else:
                self.add_error(None, e.message)
