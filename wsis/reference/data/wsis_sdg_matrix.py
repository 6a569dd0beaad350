"""The WSIS–SDG Matrix: SDG goals and targets served by each WSIS action line and C7 sub-line."""

SOURCE = (
    "WSIS-SDG Matrix: Linking WSIS Action Lines with Sustainable Development Goals, "
    "UN WSIS Action Line Facilitators, WSIS Forum 2015 (https://www.itu.int/net4/wsis/sdg/)"
)

# A goal listed without any of its targets is a link the facilitators made to the goal as a whole
# (e.g. e-learning: "each of the elements under this goal is relevant"; C3 links every goal only at
# goal level). Consumers must not read "no targets" as "weaker link".
MATRIX = {
    "C1": {
        "goals": [1, 3, 5, 10, 16, 17],
        "targets": ["3.8", "3.d", "10.c", "16.5", "16.6", "16.10", "17.8"],
    },
    "C2": {
        "goals": [1, 8, 9, 11],
        "targets": ["1.4", "8.2", "9.1", "9.a", "9.c", "11.5", "11.b"],
    },
    "C3": {
        "goals": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17],
        "targets": [],
    },
    "C4": {
        "goals": [1, 2, 3, 4, 5, 6, 12, 13, 14, 16, 17],
        "targets": [
            "1.b", "2.3", "3.7", "3.b", "3.d", "4.4", "4.7", "5.5", "5.b", "6.a",
            "12.7", "12.8", "12.a", "12.b", "13.2", "13.3", "13.b", "14.a", "16.a", "17.9", "17.18",
        ],
    },
    "C5": {
        "goals": [1, 4, 5, 7, 8, 9, 11, 16, 17],
        "targets": [
            "1.4", "4.1", "4.3", "4.5", "5.b", "7.1", "7.a", "7.b", "8.1", "9.1", "9.c",
            "11.3", "11.b", "16.2", "17.8",
        ],
    },
    "C6": {
        "goals": [2, 4, 5, 8, 9, 10, 11, 16, 17],
        "targets": [
            "2.a", "4.4", "5.b", "8.2", "8.3", "9.1", "9.c", "10.3", "11.3", "11.b",
            "16.2", "16.3", "16.6", "16.7", "16.10", "16.b", "17.6", "17.14", "17.16",
        ],
    },
    # The matrix maps C7 only through its eight sub-lines; C7 itself serves what they serve together
    # (their union), so totals by top-level line agree with the sub-line rows.
    "C7": {
        "goals": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17],
        "targets": [
            "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "2.4", "2.a", "3.3", "3.8", "3.d",
            "4.5", "4.7", "5.5", "5.6", "5.b", "6.1", "6.a", "7.a", "8.2", "8.3", "8.5", "8.9",
            "8.10", "9.1", "9.3", "9.4", "9.c", "10.2", "11.6", "11.b", "12.6", "12.8",
            "13.1", "13.2", "13.3", "13.b", "14.4", "15.9", "16.6", "16.7", "16.10",
            "17.6", "17.7", "17.8", "17.9", "17.11", "17.16", "17.17", "17.19",
        ],
    },
    "C7.e-government": {
        "goals": [9, 16, 17],
        "targets": ["9.c", "16.6", "16.7", "16.10", "17.8"],
    },
    "C7.e-business": {
        "goals": [1, 2, 5, 8, 9, 17],
        "targets": ["1.4", "2.3", "5.b", "8.3", "8.9", "8.10", "9.3", "17.11"],
    },
    "C7.e-learning": {
        "goals": [4],
        "targets": [],
    },
    # The facilitators link e-health to every target of goal 3; the goal-level link carries that,
    # and 3.3 and 3.8 are kept because the matrix gives them their own rationale.
    "C7.e-health": {
        "goals": [1, 2, 3, 5, 17],
        "targets": ["1.3", "1.4", "1.5", "2.1", "2.2", "3.3", "3.8", "5.6", "5.b", "17.8", "17.19"],
    },
    "C7.e-employment": {
        "goals": [4, 8, 10, 12, 17],
        "targets": ["4.5", "8.5", "10.2", "12.6", "17.9"],
    },
    "C7.e-environment": {
        "goals": [9, 11, 13, 14, 15],
        "targets": ["9.4", "11.6", "11.b", "13.1", "13.3", "13.b"],
    },
    "C7.e-agriculture": {
        "goals": [1, 2, 3, 4, 5, 8, 9, 12, 13, 17],
        "targets": [
            "1.5", "2.3", "2.4", "2.a", "3.d", "5.5", "8.2", "9.1", "9.c", "12.8",
            "13.1", "13.3", "17.16", "17.17",
        ],
    },
    "C7.e-science": {
        "goals": [1, 4, 6, 7, 13, 14, 15, 17],
        "targets": [
            "1.5", "4.7", "6.1", "6.a", "7.a", "13.1", "13.2", "13.3", "14.4", "15.9",
            "17.6", "17.7",
        ],
    },
    "C8": {
        "goals": [2, 4, 6, 8, 9, 11, 12],
        "targets": ["2.5", "4.7", "6.b", "8.3", "8.9", "11.4", "12.b"],
    },
    "C9": {
        "goals": [5, 9, 12, 16],
        "targets": ["5.b", "9.c", "12.8", "16.10"],
    },
    "C10": {
        "goals": [1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13, 16, 17],
        "targets": [
            "1.5", "2.3", "3.8", "4.7", "5.1", "8.6", "9.1", "10.2", "10.3", "11.3", "12.8",
            "13.3", "16.7", "16.10", "17.6", "17.7", "17.8", "17.18", "17.19",
        ],
    },
    "C11": {
        "goals": [17],
        "targets": ["17.9", "17.16", "17.17"],
    },
}

# Where this encoding knowingly differs from the widely used app data (uwidcit/WSIS-SDG-Matrix), and why.
KNOWN_DIFFERENCES = [
    {
        "line": "C7",
        "field": "goals",
        "ours": MATRIX["C7"]["goals"],
        "app": [],
        "why": "The app has no row for C7 as a whole; ours is the union of its sub-lines.",
    },
    {
        "line": "C7",
        "field": "targets",
        "ours": MATRIX["C7"]["targets"],
        "app": [],
        "why": "The app has no row for C7 as a whole; ours is the union of its sub-lines.",
    },
    {
        "line": "C3",
        "field": "goals",
        "ours": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17],
        "app": [1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17],
        "why": (
            "The matrix links C3 (access to information and knowledge) to all 17 goals. "
            "The app's rationale file skips goal 4 in its goal-by-goal list for C3, while "
            "the same app's earlier goal list for C3 and its per-SDG index (SDG 4 lists C3) "
            "both include it."
        ),
    },
    {
        "line": "C7.e-environment",
        "field": "goals",
        "ours": [9, 11, 13, 14, 15],
        "app": [9, 11, 13, 14, 15, 16],
        "why": (
            "No e-environment rationale addresses goal 16: the app keeps an empty goal-16 "
            "slot next to the row for goals 14 and 15. The app's earlier goal list for "
            "e-environment and its per-SDG index (SDG 16 does not list e-environment) both "
            "omit it."
        ),
    },
]
