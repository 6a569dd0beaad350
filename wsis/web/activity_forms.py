"""The activity editor: one Django form that reads and writes the registry's interchange shape."""

import re

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wsis.core.bounds import whole_number
from wsis.core.i18n import current_language
from wsis.partnerships.funding.selectors import organisation_choices
from wsis.reference.selectors import currency_choices, economy_search_names, tag_choices
from wsis.stocktaking import schema

# Roles a partner besides the lead may have (the lead organisation is the one recording the activity).
PARTNER_ROLES = [r for r in schema.PARTNER_ROLES if r != "lead"]
MAX_PARTNER_ROWS = 50
BLANK_PARTNER_ROWS = 2


def _choices(d: dict, blank: bool = False):
    out = [(k, v) for k, v in d.items()]
    return [("", "—")] + out if blank else out


class SearchableSelectMultiple(forms.SelectMultiple):
    """A multiple select whose options carry extra words the type-ahead picker also matches (data-search)."""

    search: dict[str, str] = {}

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        words = self.search.get(str(value))
        if words:
            option["attrs"] = {**option["attrs"], "data-search": words}
        return option


def parse_partner_lines(text: str) -> list[tuple[str, str]]:
    """(name, role) of each line of "name [role]" (role implementing when not given)."""
    out = []
    for line in (text or "").splitlines():
        line = line.strip()
        if not line:
            continue
        role = "implementing"
        if line.endswith("]") and "[" in line:
            line, role = line[:-1].rsplit("[", 1)
            line, role = line.strip(), role.strip().lower()
        out.append((line, role))
    return out


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
                                            widget=forms.SelectMultiple(attrs={"size": 10, "data-picker": ""}))
    matrix_justification = forms.CharField(label=_("Why targets outside the WSIS–SDG matrix apply"), required=False,
                                           widget=forms.Textarea(attrs={"rows": 2}))
    strategic_targets = forms.MultipleChoiceField(label=_("Strategic targets"), required=False,
                                                  widget=forms.SelectMultiple(attrs={"size": 6, "data-picker": ""}))
    economies = forms.MultipleChoiceField(label=_("Economies"), required=False,
                                          widget=SearchableSelectMultiple(attrs={"size": 8, "data-picker": ""}))
    groups = forms.MultipleChoiceField(label=_("Regions and groups"), required=False,
                                       widget=forms.SelectMultiple(attrs={"size": 6, "data-picker": ""}))
    beneficiary_groups = forms.MultipleChoiceField(label=_("Beneficiary groups"), required=False,
                                                   choices=_choices(schema.BENEFICIARIES),
                                                   widget=forms.CheckboxSelectMultiple)
    budget_amount = forms.DecimalField(label=_("Budget"), required=False, min_value=0, decimal_places=2, max_digits=16)
    budget_currency = forms.ChoiceField(label=_("Currency (ISO 4217)"), required=False,
                                        widget=forms.Select(attrs={"data-picker": ""}))
    links = forms.CharField(label=_("Links"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
                            help_text=_("One web address per line."))
    contact_name = forms.CharField(label=_("Contact name"), required=False, max_length=200)
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        lang = current_language()
        self.fields["original_language"].choices = settings.LANGUAGES
        choices = tag_choices(language=lang, keep_economies=self.initial.get("economies") or ())
        kept = [self.initial.get("budget_currency") or ""]
        self.fields["budget_currency"].choices = [("", "—")] + currency_choices(language=lang, keep=kept)
        self.organisations = organisation_choices()
        self._org_names = {str(pk): name for pk, name, _acronym in self.organisations}
        self.partner_rows = self._partner_rows_from(self.data) if self.is_bound else self._partner_rows_initial()
        self.fields["primary_line"].choices = [("", "—")] + choices["action_lines"]
        self.fields["other_lines"].choices = choices["action_lines"]
        for name in ("sdg_targets", "strategic_targets", "economies", "groups"):
            self.fields[name].choices = choices[name]
        self.fields["economies"].widget.search = economy_search_names(language=lang)
        for code in schema.LANGUAGES:
            self.fields[f"title_{code}"] = forms.CharField(label=_("Title"), required=False, max_length=500)
            self.fields[f"summary_{code}"] = forms.CharField(label=_("Summary"), required=False,
                                                            widget=forms.Textarea(attrs={"rows": 2}))
            self.fields[f"description_{code}"] = forms.CharField(label=_("Description"), required=False,
                                                                widget=forms.Textarea(attrs={"rows": 4}))

    # ------------------------------------------------------------------------------------------ partners
    # Partners come as rows of (organisation from the register, or a name not in it yet, and a role):
    # partner_rows=N, partner-<i>-organisation, partner-<i>-name, partner-<i>-role. A row left empty is no
    # partner; without JavaScript the page offers a few empty rows, with it rows are added and removed.

    def _partner_rows_from(self, data) -> list[dict]:
        if not data.get("partner_rows") and data.get("partners"):
            # The earlier form's text box ("name [role]" a line) still posts.
            rows = [{"organisation": "", "name": name, "role": role, "errors": {}}
                    for name, role in parse_partner_lines(data["partners"])][:MAX_PARTNER_ROWS]
            for i, r in enumerate(rows):
                r["index"] = i
            return rows
        n = min(whole_number(data.get("partner_rows")) or 0, MAX_PARTNER_ROWS)
        return [{"index": i, "organisation": (data.get(f"partner-{i}-organisation") or "").strip(),
                 "name": (data.get(f"partner-{i}-name") or "").strip(),
                 "role": (data.get(f"partner-{i}-role") or "").strip(), "errors": {}} for i in range(n)]

    def _partner_rows_initial(self) -> list[dict]:
        by_ident = {}
        by_name = {name.casefold(): str(pk) for pk, name, _a in self.organisations}
        rows = []
        for p in self.initial.get("partners") or []:
            ident = (p.get("identifier") or "").strip()
            pk = str(p["id"]) if p.get("id") else by_ident.get(ident) or by_name.get((p.get("name") or "").casefold())
            rows.append({"organisation": pk or "", "name": "" if pk else p.get("name") or "",
                         "role": p.get("role") or "implementing", "errors": {}})
        rows += [{"organisation": "", "name": "", "role": "implementing", "errors": {}}
                 for _ in range(BLANK_PARTNER_ROWS + (0 if rows else 1))]
        for i, r in enumerate(rows):
            r["index"] = i
        return rows

    def partner_role_choices(self):
        return [(r, schema.PARTNER_ROLES[r]) for r in PARTNER_ROLES]

    def _clean_partners(self) -> list[dict]:
        """The partners of the filled rows; errors name the row and its field."""
        out = []
        self._partner_index = []
        for row in self.partner_rows:
            if not row["organisation"] and not row["name"]:
                continue
            n = row["index"] + 1
            if row["organisation"] and row["organisation"] not in self._org_names:
                row["errors"]["organisation"] = _("Partner %(n)s, organisation: choose an organisation from the list.") % {"n": n}
            elif row["organisation"] and row["name"]:
                row["errors"]["name"] = _("Partner %(n)s, name: choose an organisation from the list or type the name "
                                          "of one not listed, not both.") % {"n": n}
            elif len(row["name"]) > 300:
                row["errors"]["name"] = _("Partner %(n)s, name: at most 300 characters.") % {"n": n}
            if row["role"] not in PARTNER_ROLES:
                row["errors"]["role"] = _("Partner %(n)s, role: choose implementing, funding or beneficiary.") % {"n": n}
            for message in row["errors"].values():
                self.add_error(None, message)
            if row["organisation"] in self._org_names:
                out.append({"id": int(row["organisation"]), "name": self._org_names[row["organisation"]],
                            "role": row["role"]})
            else:
                out.append({"name": row["name"], "role": row["role"]})
            self._partner_index.append(row["index"])
        return out

    def clean(self):
        cleaned = super().clean()
        cleaned["partners"] = self._clean_partners()
        return cleaned

    def partner_errors(self) -> list[str]:
        return [m for r in self.partner_rows for m in r["errors"].values()]

    def language_blocks(self):
        return [(code, name, [self[f"{f}_{code}"] for f in schema.TEXT_FIELDS]) for code, name in settings.LANGUAGES]

    def to_data(self, lead: dict) -> dict:
        c = self.cleaned_data
        partners = c.get("partners") or []
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
            "partners": data.get("partners") or [],
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
            if name.startswith("partners["):
                self._partner_error(name, e.message)
                continue
            if name.startswith("texts."):
                parts = name.split(".")
                name = f"{parts[2] if len(parts) > 2 else 'title'}_{parts[1]}"
            name = mapping.get(name, name)
            if name and name in self.fields:
                self.add_error(name, e.message)
            else:
                self.add_error(None, e.message)

    def _partner_error(self, name: str, message: str) -> None:
        """A service error about partners[i](.field) shown on the form row it came from."""
        m = re.match(r"partners\[(\d+)\](?:\.(\w+))?", name)
        index = getattr(self, "_partner_index", [])
        i = int(m.group(1)) if m else -1
        row_i = index[i] if 0 <= i < len(index) else None
        field = {"role": "role"}.get(m.group(2) if m else "", "organisation")
        if row_i is None:
            self.add_error(None, message)
            return
        text = _("Partner %(n)s: %(message)s") % {"n": row_i + 1, "message": message}
        self.partner_rows[row_i]["errors"][field] = text
        self.add_error(None, text)
