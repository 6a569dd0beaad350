"""The economy profile: one page per economy gathering its statistics, its index score and place in the digital
divide, its activities, the funding it receives, its assistance requests, its data gaps, memberships and names.

It sits in the reports layer because it reads statistics, the registry and partnerships at once (only a layer
above all three may), and, like a report, it only assembles what their selectors answer; it writes nothing."""
