app_name = "milestones"

# Milestones and action steps: add, edit, reorder, tick, delete.
urlpatterns: list = []
