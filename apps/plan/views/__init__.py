"""The plan's pages, one module per feature: the goal page, goal creation, the matrix, the
roadmap, the calendar feed and the wins journal."""
