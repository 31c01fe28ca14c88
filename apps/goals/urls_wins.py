app_name = "wins"

# The wins journal.
urlpatterns: list = []
