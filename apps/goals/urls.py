app_name = "goals"

# Goal list, creation, detail, edit, status, SMART check, obstacles, resources, history.
urlpatterns: list = []
