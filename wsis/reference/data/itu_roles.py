"""ITU's role per WSIS action line under ITU-D Resolution 30 (Rev. Kigali, 2022), recognizing a) and b)."""

ITU_ROLES = {
    "C1": "co_facilitator",
    "C2": "sole_facilitator",
    "C3": "co_facilitator",
    "C4": "sole_facilitator",
    "C5": "sole_facilitator",
    "C6": "sole_facilitator",
    "C7": "co_facilitator",
    "C8": "partner",
    "C9": "partner",
    "C10": "none",
    "C11": "co_facilitator",
}
# C7's sub-lines take C7's role: the resolution names C7 as a whole.

# "further recognizing c)": the lines of high priority for ITU-D.
HIGH_PRIORITY = {"C2", "C4", "C5", "C6", "C7"}

RESOLUTION = "ITU-D Resolution 30 (Rev. Kigali, 2022)"
