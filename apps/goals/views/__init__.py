"""The goals app's pages, one module per feature: goals (list, edit, SMART check), obstacles,
resources. The goal page and goal creation, which show milestones too, are in apps.plan."""
